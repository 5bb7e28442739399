package dev.migrations.engine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import dev.migrations.testing.MariaDbDatabase;

/** The state-safety rules on MariaDB, where a schema is a database of the server: each is dropped afterwards. */
class MariaDbStateSafetyTest extends StateSafetyTest {

	private MariaDbDatabase database;

	private final Set<String> schemas = ConcurrentHashMap.newKeySet();

	@Override
	DataSource createDatabase() {
		this.database = MariaDbDatabase.create("state_safety");
		return this.database.dataSource();
	}

	@Override
	void dropDatabase() {
		for (String schema : this.schemas) {
			this.database.executeOnServer("DROP DATABASE IF EXISTS " + schema);
		}
		this.database.close();
	}

	@Override
	String newSchemaName(String base) {
		String schema = this.database.name() + "_" + base;
		this.schemas.add(schema);
		return schema;
	}

	@Override
	String currentSchemaExpression() {
		return "DATABASE()";
	}

}
