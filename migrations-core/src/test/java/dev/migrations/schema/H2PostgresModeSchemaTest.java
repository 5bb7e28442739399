package dev.migrations.schema;

import dev.migrations.testing.H2Database;

/** The schema contract on H2 in PostgreSQL mode with {@code DATABASE_TO_LOWER}: names in lower case. */
class H2PostgresModeSchemaTest extends H2SchemaTest {

	@Override
	H2Database.Mode mode() {
		return H2Database.Mode.POSTGRESQL;
	}

}
