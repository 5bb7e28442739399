package dev.migrations.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Finds the database server that tests use, in the order the contract's section 7 gives: the JDBC URL in
 * {@code MIGRATIONS_TEST_POSTGRES_URL} (or {@code MIGRATIONS_TEST_MARIADB_URL}); Testcontainers where a Docker
 * engine is available; the server on {@code 127.0.0.1} as its default administrator; else a failure that says how
 * to provide one. Found once per JVM and kind.
 */
final class TestServer {

	/** The servers tests run on, with where each is looked for. */
	enum Kind {

		POSTGRESQL("PostgreSQL", "MIGRATIONS_TEST_POSTGRES", "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres",
				"run PostgreSQL on 127.0.0.1:5432 with user 'postgres' (trust auth)"),

		MARIADB("MariaDB", "MIGRATIONS_TEST_MARIADB", "jdbc:mariadb://127.0.0.1:3306/", "root",
				"run MariaDB on 127.0.0.1:3306 with user 'root' and no password");

		private final String product;

		private final String variablePrefix;

		private final String localUrl;

		private final String localUser;

		private final String localAdvice;

		Kind(String product, String variablePrefix, String localUrl, String localUser, String localAdvice) {
			this.product = product;
			this.variablePrefix = variablePrefix;
			this.localUrl = localUrl;
			this.localUser = localUser;
			this.localAdvice = localAdvice;
		}

		String urlVariable() {
			return this.variablePrefix + "_URL";
		}

	}

	private static final Map<Kind, TestServer> FOUND = new EnumMap<>(Kind.class);

	/** A URL of the server's maintenance database, with user and password in it where needed. */
	final String adminUrl;

	final String user;

	final String password;

	private TestServer(String adminUrl, String user, String password) {
		this.adminUrl = adminUrl;
		this.user = user;
		this.password = password;
	}

	static synchronized TestServer get(Kind kind) {
		return FOUND.computeIfAbsent(kind, TestServer::find);
	}

	/** The URL of database {@code name} on this server: the admin URL with its database replaced. */
	String urlOf(String name) {
		return this.adminUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
	}

	private static TestServer find(Kind kind) {
		String configured = System.getenv(kind.urlVariable());
		if (configured != null && !configured.isBlank()) {
			return new TestServer(configured, System.getenv(kind.variablePrefix + "_USER"),
					System.getenv(kind.variablePrefix + "_PASSWORD"));
		}
		TestServer container = Containers.startIfDockerAvailable(kind);
		if (container != null) {
			return container;
		}
		if (reachable(kind.localUrl, kind.localUser)) {
			return new TestServer(kind.localUrl, kind.localUser, null);
		}
		throw new IllegalStateException("No " + kind.product + " for tests: set " + kind.urlVariable()
				+ " to a JDBC URL of the server's administration database, start Docker for Testcontainers, or "
				+ kind.localAdvice);
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

	private static boolean reachable(String url, String user) {
		DriverManager.setLoginTimeout(5);
		try (Connection connection = DriverManager.getConnection(url, user, null)) {
			return connection.isValid(5);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	/** Kept apart so that the Testcontainers classes load only when asked for. */
	private static final class Containers {

		static TestServer startIfDockerAvailable(Kind kind) {
			try {
				if (!org.testcontainers.DockerClientFactory.instance().isDockerAvailable()) {
					return null;
				}
				Supplier<TestServer> start = (kind == Kind.POSTGRESQL) ? Containers::postgres : Containers::mariadb;
				return start.get();
			}
			catch (RuntimeException | LinkageError ex) {
				return null;
			}
		}

		private static TestServer postgres() {
			org.testcontainers.postgresql.PostgreSQLContainer container = new org.testcontainers.postgresql.PostgreSQLContainer(
					"postgres:16-alpine");
			container.start();
			Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
			String url = container.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/postgres$1");
			return new TestServer(url, container.getUsername(), container.getPassword());
		}

		private static TestServer mariadb() {
			org.testcontainers.mariadb.MariaDBContainer container = new org.testcontainers.mariadb.MariaDBContainer(
					"mariadb:11").withUsername("root").withPassword("");
			container.start();
			Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
			String url = container.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/$1");
			return new TestServer(url, "root", container.getPassword());
		}

	}

}
