package dev.migrations.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import dev.migrations.testing.PostgresDatabase;

/** The schema contract on PostgreSQL, each case in schemas of its own. */
class PostgresSchemaTest extends SchemaContractTest {

	private PostgresDatabase database;

	@Override
	void createDatabase() {
		this.database = PostgresDatabase.create("schema");
	}

	@Override
	void dropDatabase() {
		this.database.close();
	}

	@Override
	String databaseName() {
		return "postgresql";
	}

	@Override
	String createSpace(String base) throws SQLException {
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA " + base);
		}
		return base;
	}

	@Override
	Connection connect(String space) throws SQLException {
		Connection connection = this.database.connect();
		connection.setSchema(space);
		return connection;
	}

}
