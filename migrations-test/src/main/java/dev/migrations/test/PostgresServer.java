package dev.migrations.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server tests create their databases on, found once per JVM in this order: the JDBC URL in
 * {@code MIGRATIONS_TEST_POSTGRES_URL} (with {@code MIGRATIONS_TEST_POSTGRES_USER} and {@code _PASSWORD}); a
 * Testcontainers container where a Docker engine runs and Testcontainers is on the class path; the server on
 * {@code 127.0.0.1:5432} as {@code postgres}; else a failure that says how to provide one.
 *
 * @param adminUrl a JDBC URL of a database on the server to run {@code CREATE DATABASE} from
 * @param user the user, or {@code null} when the URL carries it
 * @param password the password, or {@code null}
 */
record PostgresServer(String adminUrl, String user, String password) {

	static final String URL_VARIABLE = "MIGRATIONS_TEST_POSTGRES_URL";

	private static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

	private static PostgresServer found;

	static synchronized PostgresServer get() {
		if (found == null) {
			found = find();
		}
		return found;
	}

	private static PostgresServer find() {
		String configured = System.getenv(URL_VARIABLE);
		if (configured != null && !configured.isBlank()) {
			return new PostgresServer(configured, System.getenv("MIGRATIONS_TEST_POSTGRES_USER"),
					System.getenv("MIGRATIONS_TEST_POSTGRES_PASSWORD"));
		}
		PostgresServer container = Container.startIfDockerRuns();
		if (container != null) {
			return container;
		}
		PostgresServer local = new PostgresServer(LOCAL_URL, "postgres", null);
		if (local.reachable()) {
			return local;
		}
		throw new IllegalStateException("No PostgreSQL for tests: set " + URL_VARIABLE
				+ " to a JDBC URL of a database on the server, start Docker for Testcontainers, or run PostgreSQL on "
				+ "127.0.0.1:5432 with user 'postgres' (trust authentication)");
	}

	/** The URL of database {@code name} on this server: the admin URL with its database replaced. */
	String urlOf(String name) {
		return this.adminUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
	}

	/** Where messages say the server is: the URL's host and port. */
	String address() {
		return this.adminUrl.replaceFirst("^jdbc:postgresql://([^/?]*).*$", "$1");
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection(this.adminUrl, this.user, this.password);
	}

	void execute(String sql) {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run '" + sql + "' on PostgreSQL at " + address() + ": "
					+ ex.getMessage(), ex);
		}
	}

	private boolean reachable() {
		DriverManager.setLoginTimeout(5);
		try (Connection connection = connect()) {
			return connection.isValid(5);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	/** Kept apart so that the Testcontainers classes load only when asked for, and may be missing. */
	private static final class Container {

		static PostgresServer startIfDockerRuns() {
			try {
				if (!org.testcontainers.DockerClientFactory.instance().isDockerAvailable()) {
					return null;
				}
				org.testcontainers.postgresql.PostgreSQLContainer container = new org.testcontainers.postgresql.PostgreSQLContainer(
						"postgres:16-alpine");
				container.start();
				Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
				return new PostgresServer(container.getJdbcUrl(), container.getUsername(), container.getPassword());
			}
			catch (RuntimeException | LinkageError ex) {
				return null;
			}
		}

	}

}
