package dev.migrations.dialect;

import dev.migrations.testing.H2Database;

/** H2 in {@code MODE=PostgreSQL} with {@code DATABASE_TO_LOWER}: unquoted names are stored in lower case. */
class H2PostgresModeDialectTest extends H2DialectTest {

	@Override
	H2Database.Mode mode() {
		return H2Database.Mode.POSTGRESQL;
	}

	@Override
	String storedVersionTableName() {
		return "migrations_version";
	}

}
