package dev.migrations.engine;

import javax.sql.DataSource;

import dev.migrations.testing.H2Database;

/** The state-safety rules on H2 in its default mode, where the lock's table lives in the configured schema. */
class H2StateSafetyTest extends StateSafetyTest {

	private H2Database database;

	H2Database.Mode mode() {
		return H2Database.Mode.DEFAULT;
	}

	@Override
	DataSource createDatabase() {
		this.database = H2Database.create("state_safety", mode());
		return this.database.dataSource();
	}

	@Override
	void dropDatabase() {
		this.database.close();
	}

	@Override
	String newSchemaName(String base) {
		return base;
	}

	@Override
	String currentSchemaExpression() {
		return "CURRENT_SCHEMA";
	}

}
