package dev.migrations.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.testing.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through the built jar, a run on a live database: the timeouts and retries given as flags, and a run whose
 * connection the server terminates mid-revision, with and without {@code --reconnect}.
 */
class CommandLineLiveDatabaseIT {

	@TempDir
	Path directory;

	private PostgresDatabase database;

	private MigrationsJar migrations;

	private Scripts scripts;

	@BeforeEach
	void createDatabase() {
		this.database = PostgresDatabase.create("cli_live");
		this.migrations = MigrationsJar.in(this.directory).on(this.database);
		this.scripts = new Scripts(this.directory.resolve("migrations"));
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void withoutReconnectALostConnectionFailsInOneLineWithoutAStackTrace() throws Exception {
		chainWithASleepingRevision();
		CompletableFuture<Integer> killer = terminateTheSleepingSession();
		MigrationsJar.Result result = this.migrations.run("--no-reconnect", "upgrade", "head");
		assertThat(killer.get(10, TimeUnit.SECONDS)).isOne();
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.errorLines()).as(result.toString()).hasSize(2);
		assertThat(result.errorLines().get(0)).matches("FAILED: Lost the connection to the database during upgrade "
				+ "1111aaaa2222 -> 2222bbbb3333, sleep \\(.*2_sleep.sql:8\\): FATAL: terminating connection due to "
				+ "administrator command; nothing of revision 2222bbbb3333 was committed");
		assertThat(result.errorLines().get(1)).isEqualTo("Hint: Run the command again once the database is "
				+ "reachable: it goes on from the last revision committed");
		assertThat(query("SELECT version_num FROM migrations_version")).containsExactly("1111aaaa2222");
		MigrationsJar.Result again = this.migrations.run("upgrade", "head");
		assertThat(again.exitCode()).as(again.toString()).isZero();
		assertThat(query("SELECT revision || ':' || success FROM migrations_history ORDER BY id")).containsExactly(
				"1111aaaa2222:true", "2222bbbb3333:false", "2222bbbb3333:true", "3333cccc4444:true");
	}

	@Test
	void withReconnectARunThatLostItsConnectionEndsAtHeadWithEachRevisionAppliedOnce() throws Exception {
		chainWithASleepingRevision();
		CompletableFuture<Integer> killer = terminateTheSleepingSession();
		MigrationsJar.Result result = this.migrations.run("upgrade", "head");
		assertThat(killer.get(10, TimeUnit.SECONDS)).isOne();
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.stderr()).as(result.toString())
			.contains("nothing of revision 2222bbbb3333 was committed; reconnected, taking the lock again to go on "
					+ "from where the database is")
			.doesNotContain("\tat ")
			.doesNotContain("Exception");
		assertThat(result.lines()).containsExactly("Running upgrade  -> 1111aaaa2222, revision 1111aaaa2222",
				"Running upgrade 1111aaaa2222 -> 2222bbbb3333, sleep",
				"Running upgrade 1111aaaa2222 -> 2222bbbb3333, sleep",
				"Running upgrade 2222bbbb3333 -> 3333cccc4444, revision 3333cccc4444");
		assertThat(query("SELECT version_num FROM migrations_version")).containsExactly("3333cccc4444");
		assertThat(query("SELECT revision || ':' || success FROM migrations_history ORDER BY id")).containsExactly(
				"1111aaaa2222:true", "2222bbbb3333:false", "2222bbbb3333:true", "3333cccc4444:true");
	}

	@Test
	void timeoutsAndRetriesAreFlagsOfTheirPropertiesNames() throws Exception {
		this.scripts.write("1_seen.sql", Scripts.header("1111aaaa2222", "") + "-- migrate:upgrade\nCREATE TABLE seen "
				+ "AS SELECT current_setting('lock_timeout') AS l, current_setting('statement_timeout') AS s;\n");
		MigrationsJar.Result result = this.migrations.run("--statement-lock-timeout", "1500ms", "--statement-timeout",
				"2m", "--lock-retries", "3", "--lock-wait", "5s", "upgrade", "head");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(query("SELECT l || ' ' || s FROM seen")).containsExactly("1500ms 2min");
		MigrationsJar.Result retries = this.migrations.run("--lock-retries", "many", "upgrade", "head");
		assertThat(retries.exitCode()).as(retries.toString()).isEqualTo(1);
		assertThat(retries.errorLines()).containsExactly("FAILED: Invalid count 'many' for --lock-retries",
				"Hint: Give how many times a revision that timed out on a lock is tried again: 0 or more, such as 10");
		MigrationsJar.Result timeout = this.migrations.run("--statement-timeout", "soon", "upgrade", "head");
		assertThat(timeout.errorLines()).containsExactly("FAILED: Invalid duration 'soon' for --statement-timeout",
				"Hint: Write it as 500ms, 60s, 2m, 1h or PT1M");
		MigrationsJar.Result deprecated = this.migrations.run("--lock-timeout", "5s", "current");
		assertThat(deprecated.exitCode()).as(deprecated.toString()).isZero();
		assertThat(deprecated.errorLines()).containsExactly("Warning: --lock-timeout is deprecated; use --lock-wait");
		MigrationsJar.Result help = this.migrations.run("--help");
		assertThat(help.stdout()).contains("--lock-wait=DURATION", "--statement-lock-timeout=DURATION",
				"--statement-timeout=DURATION", "--lock-retries=N", "--[no-]reconnect")
			.doesNotContain("--lock-timeout");
	}

	/** Three revisions; the second creates a table (line 7) and sleeps (line 8). */
	private void chainWithASleepingRevision() {
		this.scripts.revision("1_a.sql", "1111aaaa2222", "");
		this.scripts.write("2_sleep.sql", """
				-- Revision ID: 2222bbbb3333
				-- Revises: 1111aaaa2222
				-- Message: sleep

				-- migrate:upgrade
				CREATE TABLE slept AS SELECT 1 AS once;

				SELECT pg_sleep(2);
				""");
		this.scripts.revision("3_c.sql", "3333cccc4444", "2222bbbb3333");
	}

	/** Terminates, from another connection, the session that runs {@code pg_sleep}; returns how many it did. */
	private CompletableFuture<Integer> terminateTheSleepingSession() {
		return CompletableFuture.supplyAsync(() -> {
			try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
				long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
				while (System.nanoTime() < deadline) {
					try (ResultSet result = statement.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM "
							+ "pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
							+ "AND state = 'active' AND query LIKE 'SELECT pg_sleep%'")) {
						result.next();
						if (result.getInt(1) > 0) {
							return result.getInt(1);
						}
					}
					Thread.sleep(50);
				}
				return 0;
			}
			catch (SQLException | InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	private List<String> query(String sql) throws SQLException {
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			List<String> values = new ArrayList<>();
			while (result.next()) {
				values.add(result.getString(1));
			}
			return values;
		}
	}

}
