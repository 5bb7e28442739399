package dev.migrations.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import dev.migrations.testing.H2Database;

/** The schema contract on H2 in its default mode, where unquoted names are stored in upper case. */
class H2SchemaTest extends SchemaContractTest {

	private H2Database database;

	H2Database.Mode mode() {
		return H2Database.Mode.DEFAULT;
	}

	@Override
	void createDatabase() {
		this.database = H2Database.create("schema", mode());
	}

	@Override
	void dropDatabase() {
		this.database.close();
	}

	@Override
	String databaseName() {
		return "h2";
	}

	@Override
	String createSpace(String base) throws SQLException {
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA " + base);
		}
		return (mode() == H2Database.Mode.DEFAULT) ? base.toUpperCase(Locale.ROOT) : base;
	}

	@Override
	Connection connect(String space) throws SQLException {
		Connection connection = this.database.connect();
		connection.setSchema(space);
		return connection;
	}

}
