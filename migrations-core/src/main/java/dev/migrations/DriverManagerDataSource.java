package dev.migrations;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;

import javax.sql.DataSource;

import dev.migrations.execute.MaskedUrl;
import dev.migrations.execute.MissingDriver;

/**
 * An unpooled {@link DataSource} over the JDBC drivers on the class path, for a run that opens the few connections it
 * needs (the command line, tests). A URL of a database the engine supports goes straight to its driver, which is the
 * only one loaded (asking {@link DriverManager} first loads and initialises every driver on the class path, tens of
 * milliseconds of a short command); any other URL goes to {@link DriverManager}. A URL that no driver accepts
 * fails with {@link MissingDriver}'s one line, naming the driver to add.
 *
 * @param url the JDBC URL
 * @param user the user; {@code null} for none (or one in the URL)
 * @param password the password; {@code null} for none
 */
public record DriverManagerDataSource(String url, String user, String password) implements DataSource {

	/** The driver classes of the supported databases, by the URL prefix they accept. */
	private static final Map<String, String> DRIVERS = Map.of("jdbc:postgresql:", "org.postgresql.Driver", "jdbc:h2:",
			"org.h2.Driver", "jdbc:mariadb:", "org.mariadb.jdbc.Driver", "jdbc:mysql:", "com.mysql.cj.jdbc.Driver");

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
		Driver driver = knownDriver();
		if (driver != null) {
			Connection connection = driver.connect(this.url, properties);
			if (connection != null) {
				return connection;
			}
		}
		return registeredDriver().connect(this.url, properties);
	}

	/** The driver {@link DriverManager} has for the URL; none is a configuration error, not a connection failure. */
	private Driver registeredDriver() {
		try {
			return DriverManager.getDriver(this.url);
		}
		catch (SQLException ex) {
			throw MissingDriver.forUrl(this.url);
		}
	}

	private Driver knownDriver() {
		for (Map.Entry<String, String> known : DRIVERS.entrySet()) {
			if (this.url.regionMatches(true, 0, known.getKey(), 0, known.getKey().length())) {
				try {
					return (Driver) Class.forName(known.getValue(), true, classLoader())
						.getDeclaredConstructor()
						.newInstance();
				}
				catch (ReflectiveOperationException | LinkageError ex) {
					return null; // not on the class path: DriverManager says so in its own words
				}
			}
		}
		return null;
	}

	private ClassLoader classLoader() {
		ClassLoader context = Thread.currentThread().getContextClassLoader();
		return (context != null) ? context : DriverManagerDataSource.class.getClassLoader();
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
		return "DriverManagerDataSource[" + MaskedUrl.of(this.url.replaceFirst("\\?.*", "")) + "]";
	}

}
