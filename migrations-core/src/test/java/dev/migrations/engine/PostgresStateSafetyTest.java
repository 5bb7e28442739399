package dev.migrations.engine;

import javax.sql.DataSource;

import dev.migrations.testing.PostgresDatabase;

/** The state-safety rules on PostgreSQL. */
class PostgresStateSafetyTest extends StateSafetyTest {

	private PostgresDatabase database;

	@Override
	DataSource createDatabase() {
		this.database = PostgresDatabase.create("state_safety");
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
		return "current_schema()";
	}

}
