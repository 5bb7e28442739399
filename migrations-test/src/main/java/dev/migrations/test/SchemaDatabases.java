package dev.migrations.test;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A schema of its own per test inside one given database (PostgreSQL or H2), for teams that have a DataSource and
 * no server to create databases on. Each connection of a test database starts in its schema ({@code search_path} on
 * PostgreSQL) and is put back in the schema it had when it is closed, so a pool lends it on unchanged.
 */
final class SchemaDatabases implements FreshDatabases {

	private final DataSource dataSource;

	SchemaDatabases(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public TestDatabase create(String purpose) {
		String schema = DatabaseNames.unique(purpose);
		execute("CREATE SCHEMA \"" + schema + "\"");
		return new SchemaDatabase(schema);
	}

	private void execute(String sql) {
		try (Connection connection = this.dataSource.getConnection(); Statement statement = connection.createStatement()) {
			requireSupported(connection);
			statement.execute(sql);
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run '" + sql + "' for a test schema: " + ex.getMessage(), ex);
		}
	}

	private static void requireSupported(Connection connection) throws SQLException {
		String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
		if (!product.contains("postgres") && !product.contains("h2")) {
			throw new IllegalStateException("A schema per test needs PostgreSQL or H2, not "
					+ connection.getMetaData().getDatabaseProductName()
					+ ": give MigrationsTester a database per test instead (TestDatabases)");
		}
	}

	/** The given database, seen through one schema. */
	private final class SchemaDatabase implements TestDatabase {

		private final String schema;

		private final DataSource inSchema;

		SchemaDatabase(String schema) {
			this.schema = schema;
			this.inSchema = new SchemaDataSource(schema);
		}

		@Override
		public DataSource dataSource() {
			return this.inSchema;
		}

		@Override
		public String description() {
			return "schema " + this.schema;
		}

		@Override
		public void close() {
			execute("DROP SCHEMA \"" + this.schema + "\" CASCADE");
		}

	}

	/** Hands out the given DataSource's connections, each switched to the schema until it is closed. */
	private final class SchemaDataSource implements DataSource {

		private final String schema;

		SchemaDataSource(String schema) {
			this.schema = schema;
		}

		@Override
		public Connection getConnection() throws SQLException {
			return inSchema(SchemaDatabases.this.dataSource.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return inSchema(SchemaDatabases.this.dataSource.getConnection(username, password));
		}

		private Connection inSchema(Connection connection) throws SQLException {
			String previous = connection.getSchema();
			connection.setSchema(this.schema);
			InvocationHandler handler = (proxy, method, arguments) -> {
				if ("close".equals(method.getName()) && !connection.isClosed()) {
					connection.setSchema(previous);
				}
				try {
					return method.invoke(connection, arguments);
				}
				catch (InvocationTargetException ex) {
					throw ex.getCause();
				}
			};
			return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
					new Class<?>[] { Connection.class }, handler);
		}

		@Override
		public PrintWriter getLogWriter() throws SQLException {
			return SchemaDatabases.this.dataSource.getLogWriter();
		}

		@Override
		public void setLogWriter(PrintWriter out) throws SQLException {
			SchemaDatabases.this.dataSource.setLogWriter(out);
		}

		@Override
		public void setLoginTimeout(int seconds) throws SQLException {
			SchemaDatabases.this.dataSource.setLoginTimeout(seconds);
		}

		@Override
		public int getLoginTimeout() throws SQLException {
			return SchemaDatabases.this.dataSource.getLoginTimeout();
		}

		@Override
		public Logger getParentLogger() {
			return Logger.getLogger(Logger.GLOBAL_LOGGER_NAME);
		}

		@Override
		public <T> T unwrap(Class<T> type) throws SQLException {
			if (type.isInstance(this)) {
				return type.cast(this);
			}
			throw new SQLException("Not a wrapper of " + type.getName());
		}

		@Override
		public boolean isWrapperFor(Class<?> type) {
			return type.isInstance(this);
		}

	}

}
