package dev.migrations.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.migrations.testing.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresDialectTest extends DialectContractTest {

	private PostgresDatabase database;

	@Override
	DataSource createDatabase() {
		this.database = PostgresDatabase.create("dialect");
		return this.database.dataSource();
	}

	@Override
	void dropDatabase() {
		this.database.close();
	}

	@Override
	Class<? extends Dialect> expectedDialect() {
		return PostgresDialect.class;
	}

	@Override
	String sessionTimeoutsSql() {
		return "SELECT current_setting('lock_timeout') || '|' || current_setting('statement_timeout')";
	}

	@Override
	String sessionTimeZoneSql() {
		return "SET TIME ZONE 'Asia/Kolkata'";
	}

	@Test
	void quotesExactlyWhatQuoteIdentQuotes() throws SQLException {
		try (Connection connection = connect()) {
			List<String> names = new ArrayList<>(column(connection, "SELECT word FROM pg_get_keywords()"));
			names.addAll(List.of("migrations_version", "MigrationsVersion", "Schema Versions", "with\"quote", "1abc",
					"_x", "a$b", "ünicode"));
			for (String name : names) {
				assertThat(dialect().quote(name)).as(name)
					.isEqualTo(column(connection, "SELECT quote_ident(?)", name).get(0));
			}
		}
	}

	@Test
	void theLockIsASessionAdvisoryLockHeldWhileTheWorkRuns() throws SQLException {
		String advisoryLocks = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = "
				+ "(SELECT oid FROM pg_database WHERE datname = current_database())";
		String during = dialect().lock(null, unique("advisory")).withLock(dataSource(), Duration.ofSeconds(5), () -> {
			try (Connection connection = connect()) {
				return column(connection, advisoryLocks).get(0);
			}
		});
		assertThat(during).isEqualTo("1");
		try (Connection connection = connect()) {
			assertThat(column(connection, advisoryLocks)).containsExactly("0");
		}
	}

	@Test
	void theLockKeyStaysTheSameAcrossReleases() {
		assertThat(PostgresAdvisoryLock.key("public.migrations_version")).isEqualTo(813789660220254909L);
	}

	@ParameterizedTest
	@ValueSource(strings = { "CREATE INDEX CONCURRENTLY users_email ON users (email)",
			"create unique index concurrently if not exists users_email on users (email)",
			"DROP INDEX CONCURRENTLY users_email", "REINDEX INDEX CONCURRENTLY users_email",
			"REINDEX (VERBOSE) TABLE CONCURRENTLY users", "VACUUM users", "vacuum", "VACUUM (ANALYZE) users",
			"ALTER TYPE mood ADD VALUE 'happy'", "alter type app.mood add value if not exists 'sad' before 'happy'",
			"CREATE DATABASE reports", "DROP DATABASE reports", "ALTER SYSTEM SET work_mem = '64MB'",
			"CREATE TABLESPACE fast LOCATION '/ssd'",
			"-- add the index without blocking writes\nCREATE INDEX CONCURRENTLY users_email ON users (email)",
			"/* outer /* nested */ still a comment */\n  -- and a line\n\tVACUUM users" })
	void recognisesStatementsThatCannotRunInATransaction(String statement) {
		assertThat(dialect().requiresNoTransaction(statement)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "CREATE INDEX users_email ON users (email)",
			"CREATE INDEX concurrently_built ON users (email)", "DROP INDEX users_email", "REINDEX INDEX users_email",
			"ALTER TYPE mood RENAME VALUE 'happy' TO 'glad'", "ALTER TABLE users ADD COLUMN value int",
			"SELECT 'VACUUM'", "-- VACUUM users\nANALYZE users", "CREATE TABLE database (id int)", "" })
	void leavesOtherStatementsToTransactions(String statement) {
		assertThat(dialect().requiresNoTransaction(statement)).isFalse();
	}

}
