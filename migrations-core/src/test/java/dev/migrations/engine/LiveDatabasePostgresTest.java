package dev.migrations.engine;

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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import dev.migrations.Migrations;
import dev.migrations.config.RunSafety;
import dev.migrations.config.TransactionMode;
import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.execute.ConnectionLostException;
import dev.migrations.execute.SqlExecutionException;
import dev.migrations.testing.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A run on a live PostgreSQL database: the timeouts each revision runs with, revisions tried again after a lock
 * timeout while readers go on, and a run that loses its connection mid-revision.
 */
class LiveDatabasePostgresTest {

	private static final Duration HELD = Duration.ofSeconds(3);

	private PostgresDatabase database;

	private DataSource dataSource;

	private ScriptDirectory scripts;

	private final ListAppender<ILoggingEvent> log = new ListAppender<>();

	private final Logger engineLogger = (Logger) LoggerFactory.getLogger("dev.migrations");

	private Level engineLevel;

	@BeforeEach
	void createDatabase(@TempDir Path directory) {
		this.database = PostgresDatabase.create("live");
		this.dataSource = this.database.dataSource();
		this.scripts = new ScriptDirectory(directory);
		this.log.start();
		this.engineLevel = this.engineLogger.getLevel();
		this.engineLogger.setLevel(Level.INFO);
		this.engineLogger.addAppender(this.log);
	}

	@AfterEach
	void dropDatabase() {
		this.engineLogger.detachAppender(this.log);
		this.engineLogger.setLevel(this.engineLevel);
		this.database.close();
	}

	private Migrations migrations(RunSafety safety) {
		return new Migrations(this.scripts.config().safety(safety).build(), this.dataSource);
	}

	// --- timeouts ------------------------------------------------------------------------------

	@Test
	void eachRevisionRunsWithTheRunsTimeoutsOrItsHeadersAndTheSessionGetsItsOwnBack() {
		this.scripts.revision("1_a.sql", "r1", null, seen("a"), null)
			.write("2_b.sql", """
					-- Revision ID: r2
					-- Revises: r1
					-- Lock Timeout: 5s
					-- Statement Timeout: 0

					-- migrate:upgrade
					""" + seen("b"))
			.write("3_c.sql", """
					-- Revision ID: r3
					-- Revises: r2
					-- Transactional: false
					-- Lock Timeout: 2s

					-- migrate:upgrade
					""" + seen("c"))
			.revision("4_d.sql", "r4", "r3", seen("d"), null);
		migrations(new RunSafety(Duration.ofMillis(500), Duration.ofMinutes(10), 0, true)).upgrade("head");
		assertThat(query("SELECT lock_timeout || ' ' || statement_timeout FROM seen_a")).containsExactly("500ms 10min");
		assertThat(query("SELECT lock_timeout || ' ' || statement_timeout FROM seen_b")).containsExactly("5s 0");
		assertThat(query("SELECT lock_timeout || ' ' || statement_timeout FROM seen_c")).containsExactly("2s 10min");
		assertThat(query("SELECT lock_timeout || ' ' || statement_timeout FROM seen_d")).containsExactly("500ms 10min");
	}

	@Test
	void aRevisionOutsideATransactionLeavesTheSessionsOwnTimeoutsToTheNext() {
		this.scripts.write("1_a.sql", """
				-- Revision ID: r1
				-- Transactional: false
				-- Lock Timeout: 5s

				-- migrate:upgrade
				""" + seen("a")).revision("2_b.sql", "r2", "r1", seen("b"), null);
		migrations(RunSafety.DEFAULTS).upgrade("head");
		assertThat(query("SELECT lock_timeout || ' ' || statement_timeout FROM seen_a")).containsExactly("5s 0");
		assertThat(query("SELECT lock_timeout || ' ' || statement_timeout FROM seen_b")).containsExactly("0 0");
	}

	/** A revision that records the timeouts it ran with in a table {@code seen_<name>}. */
	private static String seen(String name) {
		return "CREATE TABLE seen_" + name + " AS SELECT current_setting('lock_timeout') AS lock_timeout, "
				+ "current_setting('statement_timeout') AS statement_timeout;";
	}

	// --- lock timeouts and retries ---------------------------------------------------------------

	@Test
	void aRevisionThatTimesOutOnALockIsTriedAgainUntilTheLockIsReleased() throws Exception {
		accountsThenAlter();
		long started = System.nanoTime();
		CompletableFuture<Void> holder = holdLock("ACCESS EXCLUSIVE", HELD);
		migrations(new RunSafety(Duration.ofMillis(500), null, 10, true)).upgrade("head");
		holder.get(10, TimeUnit.SECONDS);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(HELD.minusMillis(500));
		assertThat(query("SELECT version_num FROM migrations_version")).containsExactly("r2");
		List<String> tries = query("SELECT success FROM migrations_history WHERE revision = 'r2' ORDER BY id");
		assertThat(tries).hasSizeGreaterThanOrEqualTo(3).last().isEqualTo("t");
		assertThat(tries.subList(0, tries.size() - 1)).containsOnly("f");
		assertThat(messages()).anyMatch((line) -> line.startsWith("upgrade r1 -> r2, alter accounts timed out "
				+ "waiting for a lock (try 1 of 11); trying again in "));
	}

	@Test
	void readersAreNeverQueuedLongerThanTheLockTimeoutBehindARevisionWaitingForItsLock() throws Exception {
		accountsThenAlter();
		// A long read holds ACCESS SHARE; the ALTER waits for ACCESS EXCLUSIVE, and readers queue behind the ALTER.
		CompletableFuture<Void> longRead = holdLock("ACCESS SHARE", HELD);
		AtomicBoolean migrating = new AtomicBoolean(true);
		AtomicLong longestRead = new AtomicLong();
		CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> {
			int reads = 0;
			try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
				while (migrating.get()) {
					long started = System.nanoTime();
					statement.executeQuery("SELECT count(*) FROM accounts").close();
					longestRead.accumulateAndGet((System.nanoTime() - started) / 1_000_000, Math::max);
					reads++;
					Thread.sleep(20);
				}
			}
			catch (SQLException | InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
			return reads;
		});
		try {
			migrations(new RunSafety(Duration.ofMillis(500), null, 10, true)).upgrade("head");
		}
		finally {
			migrating.set(false);
		}
		longRead.get(10, TimeUnit.SECONDS);
		assertThat(reader.get(10, TimeUnit.SECONDS)).isGreaterThan(10);
		assertThat(longestRead.get()).isLessThan(500 + 200);
		assertThat(query("SELECT success FROM migrations_history WHERE revision = 'r2' ORDER BY id")).contains("f")
			.last()
			.isEqualTo("t");
	}

	@Test
	void withoutRetriesALockTimeoutFailsInOneLineNamingTheStatementAndTheTimeout() throws Exception {
		accountsThenAlter();
		CompletableFuture<Void> holder = holdLock("ACCESS EXCLUSIVE", Duration.ofSeconds(6));
		assertThatExceptionOfType(SqlExecutionException.class)
			.isThrownBy(() -> migrations(new RunSafety(Duration.ofMillis(500), null, 0, true)).upgrade("head"))
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).doesNotContain("\n")
					.endsWith("2_alter.sql:6: ERROR: canceling statement due to lock timeout (lock timeout 500 ms) "
							+ "[statement: ALTER TABLE accounts ADD COLUMN note text]");
				assertThat(ex.hint()).contains("longer than the lock timeout")
					.contains("--lock-retries, migrations.lock-retries, tries it again by itself")
					.endsWith("this revision was rolled back");
			});
		assertThatExceptionOfType(SqlExecutionException.class)
			.isThrownBy(() -> migrations(new RunSafety(Duration.ofMillis(500), null, 2, true)).upgrade("head"))
			.withMessageContaining("lock timeout (lock timeout 500 ms, try 3 of 3) [statement: ALTER TABLE accounts");
		holder.get(10, TimeUnit.SECONDS);
		assertThat(query("SELECT version_num FROM migrations_version")).containsExactly("r1");
		assertThat(query("SELECT success FROM migrations_history WHERE revision = 'r2'")).containsExactly("f", "f",
				"f", "f");
	}

	@Test
	void aRevisionOutsideATransactionIsNeverTriedAgain() throws Exception {
		this.scripts.revision("1_accounts.sql", "r1", null, "CREATE TABLE accounts (id int);", null)
			.write("2_index.sql", """
					-- Revision ID: r2
					-- Revises: r1
					-- Transactional: false

					-- migrate:upgrade
					ALTER TABLE accounts ADD COLUMN note text;
					""");
		migrations(RunSafety.DEFAULTS).upgrade("r1");
		CompletableFuture<Void> holder = holdLock("ACCESS EXCLUSIVE", Duration.ofSeconds(3));
		assertThatExceptionOfType(SqlExecutionException.class)
			.isThrownBy(() -> migrations(new RunSafety(Duration.ofMillis(300), null, 10, true)).upgrade("head"))
			.withMessageContaining("canceling statement due to lock timeout (lock timeout 300 ms) [statement:");
		holder.get(10, TimeUnit.SECONDS);
		assertThat(query("SELECT success FROM migrations_history WHERE revision = 'r2'")).containsExactly("f");
	}

	private void accountsThenAlter() {
		this.scripts.revision("1_accounts.sql", "r1", null, "CREATE TABLE accounts (id int);", null)
			.write("2_alter.sql", """
					-- Revision ID: r2
					-- Revises: r1
					-- Message: alter accounts

					-- migrate:upgrade
					ALTER TABLE accounts ADD COLUMN note text;
					""");
		migrations(RunSafety.DEFAULTS).upgrade("r1");
	}

	/** Holds a lock on {@code accounts} from another connection, taken before this returns, for {@code time}. */
	private CompletableFuture<Void> holdLock(String mode, Duration time) throws Exception {
		Connection holder = this.database.connect();
		holder.setAutoCommit(false);
		try (Statement statement = holder.createStatement()) {
			statement.execute("LOCK TABLE accounts IN " + mode + " MODE");
		}
		return CompletableFuture.runAsync(() -> {
			try (holder) {
				Thread.sleep(time.toMillis());
				holder.commit();
			}
			catch (SQLException | InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	// --- a lost connection -------------------------------------------------------------------------

	@Test
	void aRunThatLosesItsConnectionReconnectsAndEndsAtHeadWithEachRevisionAppliedOnce() throws Exception {
		chainWithASleepingRevision(true);
		CompletableFuture<Integer> killer = terminateTheSleepingSession();
		migrations(RunSafety.DEFAULTS).upgrade("head");
		assertThat(killer.get(10, TimeUnit.SECONDS)).isOne();
		assertThat(query("SELECT version_num FROM migrations_version")).containsExactly("r3");
		assertThat(query("SELECT revision || ':' || success FROM migrations_history ORDER BY id"))
			.containsExactly("r1:true", "r2:false", "r2:true", "r3:true");
		assertThat(query("SELECT count(*) FROM slept")).containsExactly("1");
		assertThat(messages()).anyMatch((line) -> line.startsWith("Lost the connection to the database during "
				+ "upgrade r1 -> r2, sleep (") && line.endsWith("nothing of revision r2 was committed; reconnected, "
						+ "taking the lock again to go on from where the database is"));
		assertNoStackTraceLogged();
	}

	@Test
	void aSingleTransactionRunThatLosesItsConnectionRunsAgainFromTheStart() throws Exception {
		chainWithASleepingRevision(true);
		CompletableFuture<Integer> killer = terminateTheSleepingSession();
		new Migrations(this.scripts.config().transactionMode(TransactionMode.SINGLE).build(), this.dataSource)
			.upgrade("head");
		assertThat(killer.get(10, TimeUnit.SECONDS)).isOne();
		assertThat(query("SELECT version_num FROM migrations_version")).containsExactly("r3");
		assertThat(query("SELECT revision || ':' || success FROM migrations_history ORDER BY id"))
			.containsExactly("r2:false", "r1:true", "r2:true", "r3:true");
		assertThat(messages()).anyMatch((line) -> line.contains("; nothing of this run was committed (transaction "
				+ "mode single); reconnected"));
		assertNoStackTraceLogged();
	}

	@Test
	void aRunThatLosesItsLocksConnectionTooReleasesNothingLoudlyAndGoesOn() throws Exception {
		chainWithASleepingRevision(true);
		CompletableFuture<Integer> killer = terminateEverySessionOnceOneSleeps();
		migrations(RunSafety.DEFAULTS).upgrade("head");
		assertThat(killer.get(10, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(2);
		assertThat(query("SELECT revision || ':' || success FROM migrations_history ORDER BY id"))
			.containsExactly("r1:true", "r2:false", "r2:true", "r3:true");
		assertThat(messages()).noneMatch((line) -> line.contains("release the migration lock"));
		assertNoStackTraceLogged();
	}

	@Test
	void withoutReconnectALostConnectionFailsInOneLineNamingTheRevisionInFlight() throws Exception {
		chainWithASleepingRevision(true);
		CompletableFuture<Integer> killer = terminateTheSleepingSession();
		assertThatExceptionOfType(ConnectionLostException.class)
			.isThrownBy(() -> migrations(new RunSafety(null, null, 0, false)).upgrade("head"))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(ErrorKind.CONNECTION);
				assertThat(ex.getMessage()).doesNotContain("\n")
					.matches("Lost the connection to the database during upgrade r1 -> r2, sleep \\(.*2_sleep.sql:8\\): "
							+ ".*terminating connection due to administrator command.*; nothing of revision r2 was "
							+ "committed");
				assertThat(ex.hint()).isEqualTo("Run the command again once the database is reachable: it goes on "
						+ "from the last revision committed");
			});
		assertThat(killer.get(10, TimeUnit.SECONDS)).isOne();
		assertThat(query("SELECT version_num FROM migrations_version")).containsExactly("r1");
		assertThat(query("SELECT revision || ':' || success FROM migrations_history ORDER BY id"))
			.containsExactly("r1:true", "r2:false");
		assertThat(query("SELECT count(*) FROM pg_tables WHERE tablename = 'slept'")).containsExactly("0");
		assertNoStackTraceLogged();
		migrations(new RunSafety(null, null, 0, false)).upgrade("head");
		assertThat(query("SELECT version_num FROM migrations_version")).containsExactly("r3");
	}

	@Test
	void aRevisionOutsideATransactionInFlightIsNeverRunAgainAndLaterRunsRefuseUntilChecked() throws Exception {
		chainWithASleepingRevision(false);
		CompletableFuture<Integer> killer = terminateTheSleepingSession();
		assertThatExceptionOfType(ConnectionLostException.class)
			.isThrownBy(() -> migrations(RunSafety.DEFAULTS).upgrade("head"))
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).doesNotContain("\n")
					.matches("Lost the connection to the database during upgrade r1 -> r2, sleep \\(.*2_sleep.sql:8\\): "
							+ ".*; revision r2 runs outside a transaction, so it is not run again: the statement at "
							+ ".*2_sleep.sql:7 had run, and the statement at .*2_sleep.sql:8 may have run");
				assertThat(ex.hint()).startsWith("Check which of revision r2's statements took effect; complete it by "
						+ "hand and run 'migrations stamp r2', or undo them and run 'migrations repair'");
			});
		assertThat(killer.get(10, TimeUnit.SECONDS)).isOne();
		assertThat(query("SELECT version_num FROM migrations_version")).containsExactly("r1");
		assertThat(query("SELECT revision || ':' || success FROM migrations_history ORDER BY id"))
			.containsExactly("r1:true", "r2:false");
		assertThatExceptionOfType(MigrationsException.class)
			.isThrownBy(() -> migrations(RunSafety.DEFAULTS).upgrade("head"))
			.withMessageContaining("Revision r2 (")
			.withMessageContaining("was left partly applied by its failed upgrade");
		assertNoStackTraceLogged();
	}

	/** {@code r1}, then {@code r2} that creates a table (line 7) and sleeps (line 8), then {@code r3}. */
	private void chainWithASleepingRevision(boolean transactional) {
		this.scripts.revision("1_a.sql", "r1", null, "CREATE TABLE a (id int);", null)
			.write("2_sleep.sql", """
					-- Revision ID: r2
					-- Revises: r1
					-- Message: sleep
					-- Transactional: %s

					-- migrate:upgrade
					CREATE TABLE slept AS SELECT 1 AS once;
					SELECT pg_sleep(2);
					""".formatted(transactional))
			.revision("3_c.sql", "r3", "r2", "CREATE TABLE c (id int);", null);
	}

	/** Terminates the session that runs {@code pg_sleep}; returns how many it did. */
	private CompletableFuture<Integer> terminateTheSleepingSession() {
		return terminateOnceOneSleeps("state = 'active' AND query LIKE 'SELECT pg_sleep%'");
	}

	/** Terminates every other session on the database (the run's lock too) once one runs {@code pg_sleep}. */
	private CompletableFuture<Integer> terminateEverySessionOnceOneSleeps() {
		return terminateOnceOneSleeps("EXISTS (SELECT 1 FROM pg_stat_activity sleeping WHERE sleeping.datname = "
				+ "current_database() AND sleeping.state = 'active' AND sleeping.query LIKE 'SELECT pg_sleep%')");
	}

	/**
	 * Terminates, from another connection, the other sessions on the database that match {@code condition} (on
	 * {@code pg_stat_activity}) as soon as any does; returns how many it terminated.
	 */
	private CompletableFuture<Integer> terminateOnceOneSleeps(String condition) {
		return CompletableFuture.supplyAsync(() -> {
			try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
				long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
				while (System.nanoTime() < deadline) {
					try (ResultSet result = statement.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM "
							+ "pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
							+ "AND " + condition)) {
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

	private List<String> messages() {
		return this.log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
	}

	private void assertNoStackTraceLogged() {
		assertThat(this.log.list.stream().filter((event) -> event.getLevel().isGreaterOrEqual(Level.INFO)))
			.allSatisfy((event) -> assertThat(event.getThrowableProxy()).as(event.getFormattedMessage()).isNull());
	}

	private List<String> query(String sql) {
		try (Connection connection = this.dataSource.getConnection(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			List<String> values = new ArrayList<>();
			while (result.next()) {
				values.add(result.getString(1));
			}
			return values;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
