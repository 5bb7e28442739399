package dev.migrations.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.migrations.testing.MariaDbDatabase;

/** The schema contract on MariaDB, where a schema is a database: each case in databases of its own. */
class MariaDbSchemaTest extends SchemaContractTest {

	private MariaDbDatabase database;

	private final Set<String> spaces = ConcurrentHashMap.newKeySet();

	@Override
	void createDatabase() {
		this.database = MariaDbDatabase.create("schema");
	}

	@Override
	void dropDatabase() {
		for (String space : this.spaces) {
			this.database.executeOnServer("DROP DATABASE IF EXISTS " + space);
		}
		this.database.close();
	}

	@Override
	String databaseName() {
		return "mariadb";
	}

	@Override
	String createSpace(String base) {
		String space = this.database.name() + "_" + base;
		this.database.executeOnServer("CREATE DATABASE " + space);
		this.spaces.add(space);
		return space;
	}

	@Override
	Connection connect(String space) throws SQLException {
		Connection connection = this.database.connect();
		connection.setCatalog(space);
		return connection;
	}

}
