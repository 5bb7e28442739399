package dev.migrations;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * An unpooled {@link DataSource} over {@link DriverManager}, for a run that opens the few connections it needs (the
 * command line, tests). Drivers on the class path register themselves through {@code META-INF/services}.
 *
 * @param url the JDBC URL
 * @param user the user; {@code null} for none (or one in the URL)
 * @param password the password; {@code null} for none
 */
public record DriverManagerDataSource(String url, String user, String password) implements DataSource {

	@Override
	public Connection getConnection() throws SQLException {
		return getConnection(this.user, this.password);
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		Properties properties = new Properties();
		if (username != null) {
			properties.setProperty("user", username);
		}
		if (password != null) {
			properties.setProperty("password", password);
		}
		return DriverManager.getConnection(this.url, properties);
	}

	@Override
	public PrintWriter getLogWriter() {
		return null;
	}

	@Override
	public void setLogWriter(PrintWriter out) {
	}

	@Override
	public void setLoginTimeout(int seconds) {
		DriverManager.setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() {
		return DriverManager.getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		throw new SQLFeatureNotSupportedException("no java.util.logging parent logger");
	}

	@Override
	public <T> T unwrap(Class<T> iface) throws SQLException {
		if (iface.isInstance(this)) {
			return iface.cast(this);
		}
		throw new SQLException("Not a wrapper for " + iface.getName());
	}

	@Override
	public boolean isWrapperFor(Class<?> iface) {
		return iface.isInstance(this);
	}

	@Override
	public String toString() {
		return "DriverManagerDataSource[" + this.url.replaceFirst("\\?.*", "") + "]";
	}

}
