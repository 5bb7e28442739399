package dev.migrations.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Finds the PostgreSQL server that tests use, in the order SPEC §7 gives: the JDBC URL in
 * {@code MIGRATIONS_TEST_POSTGRES_URL}; Testcontainers where a Docker engine is available; PostgreSQL at
 * {@code 127.0.0.1:5432} as user {@code postgres}; else a failure that says how to provide one.
 * Found once per JVM.
 */
final class PostgresServer {

	static final String URL_VARIABLE = "MIGRATIONS_TEST_POSTGRES_URL";

	private static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

	private static PostgresServer instance;

	/** A URL of the server's maintenance database, with user and password in it where needed. */
	final String adminUrl;

	final String user;

	final String password;

	private PostgresServer(String adminUrl, String user, String password) {
		this.adminUrl = adminUrl;
		this.user = user;
		this.password = password;
	}

	static synchronized PostgresServer get() {
		if (instance == null) {
			instance = find();
		}
		return instance;
	}

	private static PostgresServer find() {
		String configured = System.getenv(URL_VARIABLE);
		if (configured != null && !configured.isBlank()) {
			return new PostgresServer(configured, System.getenv("MIGRATIONS_TEST_POSTGRES_USER"),
					System.getenv("MIGRATIONS_TEST_POSTGRES_PASSWORD"));
		}
		PostgresServer container = Containers.startPostgresIfDockerAvailable();
		if (container != null) {
			return container;
		}
		if (reachable(LOCAL_URL, "postgres", null)) {
			return new PostgresServer(LOCAL_URL, "postgres", null);
		}
		throw new IllegalStateException("No PostgreSQL for tests: set " + URL_VARIABLE
				+ " to a JDBC URL (e.g. jdbc:postgresql://host:5432/postgres?user=postgres), start Docker for "
				+ "Testcontainers, or run PostgreSQL on 127.0.0.1:5432 with user 'postgres' (trust auth)");
	}

	void execute(String sql) {
		try (Connection connection = DriverManager.getConnection(this.adminUrl, this.user, this.password);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run '" + sql + "' on " + this.adminUrl + ": " + ex.getMessage(), ex);
		}
	}

	private static boolean reachable(String url, String user, String password) {
		DriverManager.setLoginTimeout(5);
		try (Connection connection = DriverManager.getConnection(url, user, password)) {
			return connection.isValid(5);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	/** Kept apart so that the Testcontainers classes load only when asked for. */
	private static final class Containers {

		static PostgresServer startPostgresIfDockerAvailable() {
			try {
				if (!org.testcontainers.DockerClientFactory.instance().isDockerAvailable()) {
					return null;
				}
				org.testcontainers.postgresql.PostgreSQLContainer container = new org.testcontainers.postgresql.PostgreSQLContainer(
						"postgres:16-alpine");
				container.start();
				Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
				String url = container.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/postgres$1");
				return new PostgresServer(url, container.getUsername(), container.getPassword());
			}
			catch (RuntimeException | LinkageError ex) {
				return null;
			}
		}

	}

}
