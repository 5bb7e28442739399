package dev.migrations.execute;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.migrations.testing.H2Database;
import dev.migrations.testing.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** Each class of {@link SqlErrorClass} as the real databases raise it: PostgreSQL and H2. */
class SqlErrorClassDatabaseTest {

	private static PostgresDatabase postgres;

	private static H2Database h2;

	@BeforeAll
	static void createDatabases() throws SQLException {
		postgres = PostgresDatabase.create("sql_errors");
		h2 = H2Database.create("sql_errors", H2Database.Mode.DEFAULT);
		for (Connection connection : new Connection[] { postgres.connect(), h2.connect() }) {
			try (connection; Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE t (id integer primary key)");
				statement.execute("INSERT INTO t VALUES (1)");
			}
		}
	}

	@AfterAll
	static void dropDatabases() {
		postgres.close();
		h2.close();
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', value = { "UNDEFINED_TABLE | SELECT * FROM nosuch",
			"UNDEFINED_COLUMN | SELECT nosuch FROM t", "SYNTAX | SELEC 1",
			"DUPLICATE_OBJECT | CREATE TABLE t (id integer)", "INTEGRITY | INSERT INTO t VALUES (1)",
			"UNDEFINED_SCHEMA | CREATE TABLE nosuch.u (id integer)" })
	void statementErrorsOnBothDatabases(SqlErrorClass expected, String sql) throws SQLException {
		try (Connection connection = postgres.connect()) {
			assertThat(classOf(connection, sql)).as("PostgreSQL").contains(expected);
		}
		try (Connection connection = h2.connect()) {
			assertThat(classOf(connection, sql)).as("H2").contains(expected);
		}
	}

	@Test
	void insufficientPrivilegeOnBothDatabases() throws SQLException {
		String role = "ro_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
		try (Connection admin = postgres.connect(); Statement statement = admin.createStatement()) {
			statement.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'x'");
			try (Connection readOnly = DriverManager.getConnection(postgres.jdbcUrl(), role, "x")) {
				assertThat(classOf(readOnly, "INSERT INTO t VALUES (2)")).contains(SqlErrorClass.INSUFFICIENT_PRIVILEGE);
			}
			finally {
				statement.execute("DROP ROLE " + role);
			}
		}
		String h2Url = "jdbc:h2:mem:" + role;
		try (Connection admin = DriverManager.getConnection(h2Url, "sa", "");
				Statement statement = admin.createStatement()) {
			statement.execute("CREATE TABLE t (id integer)");
			statement.execute("CREATE USER " + role + " PASSWORD 'x'");
			try (Connection readOnly = DriverManager.getConnection(h2Url, role, "x")) {
				assertThat(classOf(readOnly, "DROP TABLE t")).contains(SqlErrorClass.INSUFFICIENT_PRIVILEGE);
			}
		}
	}

	@Test
	void readOnlyTransactionOnPostgres() throws SQLException {
		try (Connection connection = postgres.connect()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET TRANSACTION READ ONLY");
			}
			assertThat(classOf(connection, "CREATE TABLE u (id integer)")).contains(SqlErrorClass.READ_ONLY);
			connection.rollback();
		}
	}

	@Test
	void lockTimeoutOnBothDatabases() throws SQLException {
		try (Connection holder = postgres.connect(); Connection waiter = postgres.connect()) {
			holder.setAutoCommit(false);
			try (Statement statement = holder.createStatement()) {
				statement.execute("LOCK TABLE t IN ACCESS EXCLUSIVE MODE");
			}
			try (Statement statement = waiter.createStatement()) {
				statement.execute("SET lock_timeout = '50ms'");
			}
			assertThat(classOf(waiter, "SELECT * FROM t")).contains(SqlErrorClass.LOCK_TIMEOUT);
			holder.rollback();
		}
		try (Connection holder = h2.connect(); Connection waiter = h2.connect()) {
			holder.setAutoCommit(false);
			try (Statement statement = holder.createStatement()) {
				statement.execute("UPDATE t SET id = 5");
			}
			try (Statement statement = waiter.createStatement()) {
				statement.execute("SET LOCK_TIMEOUT 50");
			}
			waiter.setAutoCommit(false);
			assertThat(classOf(waiter, "UPDATE t SET id = 6")).contains(SqlErrorClass.LOCK_TIMEOUT);
			holder.rollback();
			waiter.rollback();
		}
	}

	@Test
	void statementTimeoutOnPostgres() throws SQLException {
		try (Connection connection = postgres.connect()) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET statement_timeout = '50ms'");
			}
			assertThat(classOf(connection, "SELECT pg_sleep(2)")).contains(SqlErrorClass.STATEMENT_TIMEOUT);
		}
	}

	@Test
	void undefinedDatabaseOnPostgres() {
		String url = postgres.jdbcUrl().replace("/" + postgres.name(), "/" + postgres.name() + "_nosuch");
		assertThat(classOfConnecting(url, postgres.user(), postgres.password()))
			.contains(SqlErrorClass.UNDEFINED_DATABASE);
	}

	private static Optional<SqlErrorClass> classOf(Connection connection, String sql) {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			return SqlErrorClass.of(ex);
		}
		throw new AssertionError("No error from " + sql);
	}

	private static Optional<SqlErrorClass> classOfConnecting(String url, String user, String password) {
		try (Connection connection = DriverManager.getConnection(url, user, password)) {
			throw new AssertionError("Connected to " + url);
		}
		catch (SQLException ex) {
			return SqlErrorClass.of(ex);
		}
	}

}
