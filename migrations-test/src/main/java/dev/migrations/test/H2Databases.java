package dev.migrations.test;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import dev.migrations.DriverManagerDataSource;

/** In-memory H2 databases, one per test, kept open between connections until closed. */
record H2Databases(String urlOptions) implements FreshDatabases {

	@Override
	public TestDatabase create(String purpose) {
		String name = DatabaseNames.unique(purpose);
		DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" + this.urlOptions,
				"sa", "");
		return new TestDatabase() {

			@Override
			public DataSource dataSource() {
				return dataSource;
			}

			@Override
			public String description() {
				return "H2 database " + name;
			}

			@Override
			public void close() {
				try (Connection connection = dataSource.getConnection()) {
					connection.createStatement().execute("SHUTDOWN");
				}
				catch (SQLException ex) {
					throw new IllegalStateException("Could not shut H2 database " + name + " down: " + ex.getMessage(),
							ex);
				}
			}

		};
	}

}
