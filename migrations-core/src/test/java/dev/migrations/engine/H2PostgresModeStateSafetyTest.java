package dev.migrations.engine;

import dev.migrations.testing.H2Database;

/** The state-safety rules on H2 in {@code MODE=PostgreSQL}, where unquoted names are stored in lower case. */
class H2PostgresModeStateSafetyTest extends H2StateSafetyTest {

	@Override
	H2Database.Mode mode() {
		return H2Database.Mode.POSTGRESQL;
	}

}
