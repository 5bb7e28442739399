package dev.migrations.dialect;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;

/**
 * Creates the database a JDBC URL names when it is missing, as the guides' {@code db-init} step does before the
 * first upgrade: on PostgreSQL from the {@code postgres} maintenance database, on MariaDB/MySQL from a connection to
 * the server without a database. H2 creates its database when it is first opened, so there is nothing to do.
 */
public final class DatabaseCreator {

	/** {@code jdbc:<db>://<hosts>/<database><parameters>}; the hosts never hold a {@code /}. */
	private static final Pattern SERVER_URL = Pattern
		.compile("(?i)(jdbc:(postgresql|mariadb|mysql)://(?:[^/@?]*@)?([^/?]*))(?:/([^?;]*))?(.*)");

	private DatabaseCreator() {
	}

	/**
	 * Creates the database of {@code jdbcUrl} unless it exists.
	 *
	 * @param jdbcUrl the URL of the database to create
	 * @param user the user, {@code null} for none; it needs the right to create databases
	 * @param password the password, {@code null} for none
	 * @return the name of the database created; empty if it existed or creates itself
	 */
	public static Optional<String> createIfMissing(String jdbcUrl, String user, String password) {
		if (jdbcUrl.regionMatches(true, 0, "jdbc:h2:", 0, "jdbc:h2:".length())) {
			return Optional.empty();
		}
		Matcher url = SERVER_URL.matcher(jdbcUrl);
		if (!url.matches()) {
			throw new MigrationsException(ErrorKind.CONFIG,
					"Can't create a database for this URL: only jdbc:postgresql://, jdbc:mariadb:// and jdbc:mysql://"
							+ " URLs name a database on a server",
					"Create the database by hand, or give a URL such as jdbc:postgresql://host:5432/app");
		}
		String name = (url.group(4) != null) ? url.group(4) : "";
		String server = url.group(3);
		if (name.isEmpty()) {
			throw new MigrationsException(ErrorKind.CONFIG,
					"Can't create the database: the URL names none (jdbc:" + url.group(2) + "://" + server + "/)",
					"Put the database's name after the host, as jdbc:" + url.group(2) + "://" + server + "/app");
		}
		boolean postgres = url.group(2).equalsIgnoreCase("postgresql");
		String maintenanceUrl = url.group(1) + (postgres ? "/postgres" : "/") + url.group(5);
		Dialect dialect = Dialects.forJdbcUrl(jdbcUrl);
		try (Connection connection = DriverManager.getConnection(maintenanceUrl, credentials(user, password))) {
			if (Catalogs.anyRow(connection, postgres ? "SELECT 1 FROM pg_database WHERE datname = ?"
					: "SELECT 1 FROM information_schema.schemata WHERE schema_name = ?", name)) {
				return Optional.empty();
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE DATABASE " + (postgres ? "" : "IF NOT EXISTS ") + dialect.quote(name));
			}
			return Optional.of(name);
		}
		catch (SQLException ex) {
			if ("42P04".equals(ex.getSQLState())) {
				return Optional.empty(); // another process created it first
			}
			if (ex.getSQLState() != null && ex.getSQLState().startsWith("08")) {
				throw new MigrationsException(ErrorKind.CONNECTION,
						"Can't connect to the server at " + server + " to create database '" + name + "': "
								+ ex.getMessage(),
						"Check that the database server is running and reachable, then run the command again", ex);
			}
			throw new MigrationsException(ErrorKind.SQL,
					"Could not create database '" + name + "' on " + server + ": " + ex.getMessage(),
					"The user needs the right to create databases (PostgreSQL: CREATEDB; MariaDB: CREATE) and, on"
							+ " PostgreSQL, to connect to the 'postgres' database: grant them, or create the database as"
							+ " an administrator",
					ex);
		}
	}

	private static Properties credentials(String user, String password) {
		Properties properties = new Properties();
		if (user != null) {
			properties.setProperty("user", user);
		}
		if (password != null) {
			properties.setProperty("password", password);
		}
		return properties;
	}

}
