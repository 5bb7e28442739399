package dev.migrations.tenant;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.slf4j.LoggerFactory;

import dev.migrations.dialect.Dialect;

/**
 * A data source whose connections have a tenant's schema as their default schema, and get the previous default back
 * when closed, so that a pooled connection returns to its pool as it came. The schema must exist.
 */
final class SchemaSwitchingDataSource implements DataSource {

	private static final org.slf4j.Logger logger = LoggerFactory.getLogger(SchemaSwitchingDataSource.class);

	private final DataSource dataSource;

	private final Dialect dialect;

	private final String schema;

	SchemaSwitchingDataSource(DataSource dataSource, Dialect dialect, String schema) {
		this.dataSource = dataSource;
		this.dialect = dialect;
		this.schema = schema;
	}

	@Override
	public Connection getConnection() throws SQLException {
		Connection connection = this.dataSource.getConnection();
		try {
			String previous = this.dialect.useSchema(connection, this.schema);
			commitSetting(connection);
			return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
					new Class<?>[] { Connection.class }, new Restoring(connection, previous));
		}
		catch (SQLException | RuntimeException ex) {
			connection.close();
			throw ex;
		}
	}

	/** A setting made in an open transaction would go with its rollback: it is committed on its own. */
	private static void commitSetting(Connection connection) throws SQLException {
		if (!connection.getAutoCommit()) {
			connection.commit();
		}
	}

	/** Puts the previous default schema back when the connection is closed; the rest goes to the connection. */
	private final class Restoring implements InvocationHandler {

		private final Connection connection;

		private final String previous;

		private boolean restored;

		Restoring(Connection connection, String previous) {
			this.connection = connection;
			this.previous = previous;
		}

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			if ("close".equals(method.getName()) && method.getParameterCount() == 0 && !this.restored) {
				this.restored = true;
				restore();
			}
			try {
				return method.invoke(this.connection, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		}

		/** Work left uncommitted at close is discarded first, as closing would, so it cannot undo the setting. */
		private void restore() {
			try {
				if (!this.connection.isClosed()) {
					if (!this.connection.getAutoCommit()) {
						this.connection.rollback();
					}
					SchemaSwitchingDataSource.this.dialect.restoreSchema(this.connection, this.previous);
					commitSetting(this.connection);
				}
			}
			catch (SQLException | RuntimeException ex) {
				logger.warn("Could not give a connection its default schema back after tenant {}: {}",
						SchemaSwitchingDataSource.this.schema, ex.getMessage());
			}
		}

	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		throw new SQLFeatureNotSupportedException("A tenant's connections come from the configured data source");
	}

	@Override
	public PrintWriter getLogWriter() throws SQLException {
		return this.dataSource.getLogWriter();
	}

	@Override
	public void setLogWriter(PrintWriter out) throws SQLException {
		this.dataSource.setLogWriter(out);
	}

	@Override
	public void setLoginTimeout(int seconds) throws SQLException {
		this.dataSource.setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() throws SQLException {
		return this.dataSource.getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		return this.dataSource.getParentLogger();
	}

	@Override
	public <T> T unwrap(Class<T> iface) throws SQLException {
		return this.dataSource.unwrap(iface);
	}

	@Override
	public boolean isWrapperFor(Class<?> iface) throws SQLException {
		return this.dataSource.isWrapperFor(iface);
	}

}
