package dev.migrations.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.lock.LockTimeoutException;
import dev.migrations.execute.SqlErrorClass;
import dev.migrations.lock.MigrationLock;
import dev.migrations.script.Timeouts;
import dev.migrations.state.HistoryEntry;
import dev.migrations.state.HistoryOperation;
import dev.migrations.state.HistoryTable;
import dev.migrations.state.VersionTable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract every dialect meets on a real database: the version and history tables (online and as offline
 * SQL), schemas and quoted names, and the migration lock under contention. Each subclass runs it in a database
 * of its own; each test works on tables of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DialectContractTest {

	private static final Instant AT = Instant.parse("2026-11-21T14:31:02.123Z");

	private final AtomicInteger names = new AtomicInteger();

	private DataSource dataSource;

	private Dialect dialect;

	/** Creates the test's own database and returns an unpooled DataSource on it. */
	abstract DataSource createDatabase() throws Exception;

	abstract void dropDatabase() throws Exception;

	abstract Class<? extends Dialect> expectedDialect();

	/** A statement that puts the session in time zone +05:30. */
	abstract String sessionTimeZoneSql();

	/**
	 * A query of the session's lock and statement timeouts as one value, {@code <lock>|<statement>} (its spelling
	 * is the database's), for telling whether they changed.
	 */
	abstract String sessionTimeoutsSql();

	/** A schema of the test's own, named after {@code base}; dropped with the test's database. */
	String schemaName(String base) {
		return base;
	}

	@BeforeAll
	void createDatabaseAndDetectDialect() throws Exception {
		this.dataSource = createDatabase();
		try (Connection connection = this.dataSource.getConnection()) {
			this.dialect = Dialects.detect(connection);
		}
	}

	@AfterAll
	void drop() throws Exception {
		dropDatabase();
	}

	DataSource dataSource() {
		return this.dataSource;
	}

	Dialect dialect() {
		return this.dialect;
	}

	/** A name of this test's own. */
	String unique(String base) {
		return base + "_" + this.names.incrementAndGet();
	}

	// --- dialect -------------------------------------------------------------------------------

	@Test
	void detectsTheDialectFromTheConnection() {
		assertThat(this.dialect).isInstanceOf(expectedDialect());
		assertThat(Dialects.named(this.dialect.name())).isInstanceOf(expectedDialect());
	}

	@Test
	void leavesPlainLowerCaseNamesUnquoted() {
		assertThat(this.dialect.quote("migrations_version")).isEqualTo("migrations_version");
		assertThat(this.dialect.qualify("app", "migrations_history")).isEqualTo("app.migrations_history");
	}

	@Test
	void quotesNamesWithSpacesQuotesOrReservedWords() {
		assertThat(this.dialect.quote("Schema Versions")).isNotEqualTo("Schema Versions").contains("Schema Versions");
		assertThat(this.dialect.quote("order")).isNotEqualTo("order");
		assertThat(this.dialect.quote("select")).isNotEqualTo("select");
	}

	// --- version table -------------------------------------------------------------------------

	@Test
	void aMissingVersionTableDoesNotExistAndReadsAsNoRows() throws SQLException {
		VersionTable table = new VersionTable(this.dialect, null, unique("versions"));
		try (Connection connection = connect()) {
			assertThat(table.exists(connection)).isFalse();
			assertThat(table.read(connection)).isEmpty();
		}
	}

	@Test
	void tablesInAMissingSchemaDoNotExistReadAsNoRowsAndCreateNothing() throws SQLException {
		String schema = schemaName(unique("missing"));
		VersionTable table = new VersionTable(this.dialect, schema, "migrations_version");
		HistoryTable history = new HistoryTable(this.dialect, schema, "migrations_history");
		try (Connection connection = connect()) {
			assertThat(this.dialect.schemaExists(connection, schema)).isFalse();
			assertThat(table.exists(connection)).isFalse();
			assertThat(table.read(connection)).isEmpty();
			assertThat(history.latestApplied(connection)).isEmpty();
			assertThat(history.appliedChecksums(connection)).isEmpty();
			connection.setAutoCommit(false);
			assertThat(table.read(connection)).isEmpty();
			connection.rollback();
			connection.setAutoCommit(true);
			assertThat(this.dialect.schemaExists(connection, schema)).isFalse();
		}
	}

	@Test
	void schemaExistsFindsASchemaByItsConfiguredNameHoweverItWasCreated() throws SQLException {
		String plain = schemaName(unique("plain"));
		String quoted = schemaName(unique("Quoted Schema"));
		try (Connection connection = connect()) {
			assertThat(this.dialect.schemaExists(connection, this.dialect.currentSchema(connection))).isTrue();
			assertThat(this.dialect.schemaExists(connection, plain)).isFalse();
			execute(connection, "CREATE SCHEMA " + plain);
			assertThat(this.dialect.schemaExists(connection, plain)).isTrue();
			assertThat(this.dialect.schemaExists(connection, quoted)).isFalse();
			execute(connection, this.dialect.createSchema(quoted));
			assertThat(this.dialect.schemaExists(connection, quoted)).isTrue();
		}
	}

	@Test
	void useSchemaMakesASchemaTheDefaultForUnqualifiedNamesAndRestoreSchemaGivesThePreviousBack() throws SQLException {
		String schema = schemaName(unique("Tenant"));
		try (Connection connection = connect()) {
			execute(connection, this.dialect.createSchema(schema));
			String before = this.dialect.currentSchema(connection);
			String previous = this.dialect.useSchema(connection, schema);
			execute(connection, "CREATE TABLE items (id int)");
			assertThat(this.dialect.tableExists(connection, schema, "items")).isTrue();
			this.dialect.restoreSchema(connection, previous);
			assertThat(this.dialect.currentSchema(connection)).isEqualTo(before);
			assertThat(this.dialect.tableExists(connection, null, "items")).isFalse();
		}
	}

	@Test
	void theDefaultVersionTableIsCreatedOnceAndPlainSqlReadsIt() throws SQLException {
		VersionTable table = new VersionTable(this.dialect, null, "migrations_version");
		try (Connection connection = connect()) {
			table.createIfMissing(connection);
			table.createIfMissing(connection);
			assertThat(table.exists(connection)).isTrue();
			table.insert(connection, "3f2a9c1b7d4e");
			assertThat(column(connection, "SELECT version_num FROM migrations_version")).containsExactly("3f2a9c1b7d4e");
			table.deleteAll(connection);
		}
	}

	@Test
	void aVersionTableCreatedByHandIsFound() throws SQLException {
		String name = unique("by_hand");
		try (Connection connection = connect()) {
			execute(connection, "CREATE TABLE " + name + " (version_num varchar(64) NOT NULL PRIMARY KEY)");
			execute(connection, "INSERT INTO " + name + " (version_num) VALUES ('a1')");
			VersionTable table = new VersionTable(this.dialect, null, name);
			assertThat(table.exists(connection)).isTrue();
			assertThat(table.read(connection)).containsExactly("a1");
		}
	}

	@Test
	void rowsAreInsertedUpdatedDeletedAndReadInIdOrder() throws SQLException {
		VersionTable table = new VersionTable(this.dialect, null, unique("versions"));
		try (Connection connection = connect()) {
			table.createIfMissing(connection);
			table.insert(connection, "b2");
			table.insert(connection, "a1");
			assertThat(table.read(connection)).containsExactly("a1", "b2");
			table.update(connection, "a1", "c3");
			assertThat(table.read(connection)).containsExactly("b2", "c3");
			table.delete(connection, "b2");
			assertThat(table.read(connection)).containsExactly("c3");
			table.insert(connection, "d4");
			table.deleteAll(connection);
			assertThat(table.read(connection)).isEmpty();
		}
	}

	@Test
	void updatingOrDeletingARowThatIsNotThereIsAStateError() throws SQLException {
		VersionTable table = new VersionTable(this.dialect, null, unique("versions"));
		try (Connection connection = connect()) {
			table.createIfMissing(connection);
			table.insert(connection, "a1");
			assertThatExceptionOfType(MigrationsException.class).isThrownBy(() -> table.update(connection, "x9", "y8"))
				.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ErrorKind.STATE))
				.satisfies((ex) -> assertThat(ex.hint()).contains("stamp"))
				.withMessage("Expected to update the row 'x9' to 'y8' in " + table.qualifiedName()
						+ ", but 0 rows matched");
			assertThatExceptionOfType(MigrationsException.class).isThrownBy(() -> table.delete(connection, "x9"))
				.withMessage("Expected to delete the row 'x9' in " + table.qualifiedName() + ", but 0 rows matched");
			assertThat(table.read(connection)).containsExactly("a1");
		}
	}

	@Test
	void aRevisionCannotBeInsertedTwice() throws SQLException {
		VersionTable table = new VersionTable(this.dialect, null, unique("versions"));
		try (Connection connection = connect()) {
			table.createIfMissing(connection);
			table.insert(connection, "a1");
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> table.insert(connection, "a1"));
		}
	}

	@Test
	void aConfiguredSchemaIsCreatedOnFirstUse() throws SQLException {
		String schema = schemaName(unique("migration_state"));
		String name = unique("versions");
		VersionTable table = new VersionTable(this.dialect, schema, name);
		HistoryTable history = new HistoryTable(this.dialect, schema, unique("history"));
		try (Connection connection = connect()) {
			assertThat(this.dialect.schemaExists(connection, schema)).isFalse();
			table.createIfMissing(connection);
			history.createIfMissing(connection);
			assertThat(this.dialect.schemaExists(connection, schema)).isTrue();
			assertThat(table.exists(connection)).isTrue();
			assertThat(history.exists(connection)).isTrue();
			assertThat(new VersionTable(this.dialect, null, name).exists(connection)).isFalse();
			table.insert(connection, "a1");
			assertThat(column(connection, "SELECT version_num FROM " + schema + "." + name)).containsExactly("a1");
		}
	}

	@Test
	void namesThatNeedQuotingWork() throws SQLException {
		String schema = schemaName(unique("Migration State"));
		List<VersionTable> tables = List.of(new VersionTable(this.dialect, schema, unique("Version Table")),
				new VersionTable(this.dialect, null, "order"), new VersionTable(this.dialect, null, unique("MixedCase")));
		try (Connection connection = connect()) {
			for (VersionTable table : tables) {
				assertThat(table.exists(connection)).isFalse();
				table.createIfMissing(connection);
				assertThat(table.exists(connection)).isTrue();
				table.insert(connection, "a1");
				table.update(connection, "a1", "b2");
				assertThat(table.read(connection)).containsExactly("b2");
			}
		}
	}

	@Test
	void offlineVersionTableSqlGivesTheSameRowsAsOnlineOperations() throws SQLException {
		VersionTable online = new VersionTable(this.dialect, null, unique("online"));
		VersionTable offline = new VersionTable(this.dialect, schemaName(unique("offline_state")),
				unique("Offline Versions"));
		try (Connection connection = connect()) {
			online.createIfMissing(connection);
			online.insert(connection, "a1");
			online.insert(connection, "b2");
			online.update(connection, "a1", "c3");
			online.delete(connection, "b2");
			online.insert(connection, "it's \\ odd");
			execute(connection, offline.createSql());
			execute(connection, offline.createSql());
			execute(connection, List.of(offline.insertSql("a1"), offline.insertSql("b2"),
					offline.updateSql("a1", "c3"), offline.deleteSql("b2"), offline.insertSql("it's \\ odd")));
			assertThat(offline.read(connection)).isEqualTo(online.read(connection)).containsExactly("c3", "it's \\ odd");
			execute(connection, List.of(offline.deleteAllSql()));
			assertThat(offline.read(connection)).isEmpty();
		}
	}

	// --- history table -------------------------------------------------------------------------

	@Test
	void aMissingHistoryTableReadsAsNoRows() throws SQLException {
		HistoryTable history = new HistoryTable(this.dialect, null, unique("history"));
		try (Connection connection = connect()) {
			assertThat(history.exists(connection)).isFalse();
			assertThat(history.readAll(connection)).isEmpty();
			assertThat(history.latestApplied(connection)).isEmpty();
		}
	}

	@Test
	void appendedRowsReadBackInOrderWithEveryFieldAndTheDatabaseUser() throws SQLException {
		HistoryTable history = new HistoryTable(this.dialect, null, unique("history"));
		List<HistoryEntry> entries = sampleEntries();
		try (Connection connection = connect()) {
			history.createIfMissing(connection);
			history.createIfMissing(connection);
			for (HistoryEntry entry : entries) {
				history.append(connection, entry);
			}
			String user = connection.getMetaData().getUserName();
			List<HistoryEntry> read = history.readAll(connection);
			assertThat(read.get(0).installedBy()).isEqualToIgnoringCase(user);
			assertThat(read).isEqualTo(withInstalledBy(entries, read.get(0).installedBy()));
			assertThat(read.get(2).installedBy()).isEqualTo("deployer");
		}
	}

	@Test
	void aLongMessageIsCutToTheColumnsLength() throws SQLException {
		HistoryTable history = new HistoryTable(this.dialect, null, unique("history"));
		try (Connection connection = connect()) {
			history.createIfMissing(connection);
			history.append(connection, upgrade("a1", List.of(), "x".repeat(1200), AT, true));
			assertThat(history.readAll(connection).get(0).message()).isEqualTo("x".repeat(1000));
		}
	}

	@Test
	void installedAtIsWrittenInUtcWhateverTheSessionTimeZone() throws SQLException {
		HistoryTable history = new HistoryTable(this.dialect, null, unique("history"));
		try (Connection connection = connect()) {
			execute(connection, sessionTimeZoneSql());
			history.createIfMissing(connection);
			history.append(connection, upgrade("a1", List.of(), "online", AT, true));
			Instant before = Instant.now();
			execute(connection, List.of(history.appendSql(upgrade("b2", List.of("a1"), "offline", null, true))));
			Instant after = Instant.now();
			try (Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("SELECT installed_at FROM " + history.qualifiedName() + " ORDER BY id")) {
				rows.next();
				assertThat(rows.getObject(1, LocalDateTime.class)).isEqualTo(LocalDateTime.parse("2026-11-21T14:31:02.123"));
			}
			Instant offline = history.readAll(connection).get(1).installedAt();
			assertThat(offline).isBetween(before.minusSeconds(60), after.plusSeconds(60));
		}
	}

	@Test
	void latestAppliedFollowsUpgradesDowngradesReupgradesFailuresAndStamps() throws SQLException {
		HistoryTable history = new HistoryTable(this.dialect, null, unique("history"));
		HistoryEntry a = upgrade("a", List.of(), "first", AT, true);
		HistoryEntry b = upgrade("b", List.of("a"), "second", AT.plusSeconds(1), true);
		HistoryEntry failedC = upgrade("c", List.of("b"), "third", AT.plusSeconds(2), false);
		HistoryEntry downB = new HistoryEntry("b", List.of("b"), List.of("a"), HistoryOperation.DOWNGRADE, "second",
				"sum-b", null, AT.plusSeconds(3), 7L, true);
		HistoryEntry reB = new HistoryEntry("b", List.of("a"), List.of("b"), HistoryOperation.UPGRADE, "second",
				"sum-b-changed", null, AT.plusSeconds(4), 9L, true);
		HistoryEntry failedDownA = new HistoryEntry("a", List.of("a"), List.of(), HistoryOperation.DOWNGRADE,
				"first", "sum-a", null, AT.plusSeconds(5), 1L, false);
		HistoryEntry e = upgrade("e", List.of("b"), "fifth", AT.plusSeconds(6), true);
		HistoryEntry downE = new HistoryEntry("e", List.of("e"), List.of("b"), HistoryOperation.DOWNGRADE, "fifth",
				"sum-e", null, AT.plusSeconds(7), 2L, true);
		HistoryEntry stampD = new HistoryEntry("d", List.of("b"), List.of("d"), HistoryOperation.STAMP, "", null,
				null, AT.plusSeconds(8), 0L, true);
		HistoryEntry stampRemovesB = new HistoryEntry("b", List.of("b"), List.of("d"), HistoryOperation.STAMP, "",
				null, null, AT.plusSeconds(8), 0L, true);
		try (Connection connection = connect()) {
			history.createIfMissing(connection);
			for (HistoryEntry entry : List.of(a, b, failedC, downB, reB, failedDownA, e, downE, stampD, stampRemovesB)) {
				history.append(connection, entry);
			}
			Map<String, HistoryEntry> latest = history.latestApplied(connection);
			assertThat(latest).containsOnlyKeys("a", "b", "d");
			assertThat(latest.get("a").installedAt()).isEqualTo(AT);
			assertThat(latest.get("b").checksum()).isEqualTo("sum-b-changed");
			assertThat(latest.get("b").installedAt()).isEqualTo(AT.plusSeconds(4));
			assertThat(latest.get("d").operation()).isEqualTo(HistoryOperation.STAMP);
			Map<String, String> checksums = new java.util.HashMap<>();
			latest.forEach((revision, entry) -> checksums.put(revision, entry.checksum()));
			assertThat(history.appliedChecksums(connection)).isEqualTo(checksums);
		}
	}

	@Test
	void offlineHistorySqlGivesTheSameRowsAsAppend() throws SQLException {
		HistoryTable online = new HistoryTable(this.dialect, null, unique("history"));
		HistoryTable offline = new HistoryTable(this.dialect, schemaName(unique("offline_history")),
				unique("Offline History"));
		List<HistoryEntry> entries = sampleEntries();
		try (Connection connection = connect()) {
			online.createIfMissing(connection);
			for (HistoryEntry entry : entries) {
				online.append(connection, entry);
			}
			List<String> script = new ArrayList<>(offline.createSql());
			entries.forEach((entry) -> script.add(offline.appendSql(entry)));
			execute(connection, script);
			assertThat(offline.readAll(connection)).isEqualTo(online.readAll(connection)).hasSize(entries.size());
		}
	}

	@Test
	void aHistoryRowWithAnUnknownOperationIsAStateError() throws SQLException {
		HistoryTable history = new HistoryTable(this.dialect, null, unique("history"));
		try (Connection connection = connect()) {
			history.createIfMissing(connection);
			execute(connection, List.of(history.appendSql(upgrade("a1", List.of(), "", AT, true))));
			execute(connection, "UPDATE " + history.qualifiedName() + " SET operation = 'rebase'");
			assertThatExceptionOfType(MigrationsException.class).isThrownBy(() -> history.readAll(connection))
				.withMessage("Unknown operation 'rebase' in " + history.qualifiedName())
				.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ErrorKind.STATE));
		}
	}

	@Test
	void aHistoryTableOfAnEarlierVersionKeepsWorkingAndGainsThePartialStateColumn() throws SQLException {
		HistoryTable history = new HistoryTable(this.dialect, null, unique("old_history"));
		String current = this.dialect.createHistoryTable(history.qualifiedName());
		String earlier = current.replaceAll(",\\s*partial_state varchar\\(1000\\)", "");
		assertThat(earlier).isNotEqualTo(current);
		HistoryEntry failed = new HistoryEntry("b2", List.of("a1"), List.of("b2"), HistoryOperation.UPGRADE, "second",
				"sum-b2", "deployer", AT.plusSeconds(1), 5L, false,
				"the statement at b2.sql:7 ran and stayed applied (it commits); b2.sql:8 failed");
		try (Connection connection = connect()) {
			execute(connection, earlier);
			history.append(connection, upgrade("a1", List.of(), "first", AT, true));
			assertThat(history.readAll(connection)).singleElement()
				.satisfies((entry) -> assertThat(entry.partialState()).isNull());
			assertThat(history.summary(connection).leftPartial()).isEmpty();
			history.createIfMissing(connection);
			history.createIfMissing(connection);
			history.append(connection, failed);
			assertThat(history.readAll(connection)).last().isEqualTo(failed);
			assertThat(history.summary(connection).leftPartial()).containsExactly(failed);
			assertThat(history.summary(connection).appliedChecksums()).containsOnlyKeys("a1");
			history.append(connection, HistoryEntry.repair(failed, List.of("a1"), AT.plusSeconds(2)));
			assertThat(history.summary(connection).leftPartial()).isEmpty();
			assertThat(history.readAll(connection)).last()
				.satisfies((entry) -> assertThat(entry.operation()).isEqualTo(HistoryOperation.REPAIR));
		}
	}

	@Test
	void aStatementCommitsImplicitlyExactlyWhenTheDialectSaysSo() throws SQLException {
		List<String> statements = List.of("CREATE TABLE %2$s_new (id int)", "/* why */ ALTER TABLE %2$s ADD extra int",
				"CREATE INDEX %2$s_ix ON %2$s (id)", "CREATE VIEW %2$s_v AS SELECT id FROM %2$s",
				"TRUNCATE TABLE %2$s", "-- gone\nDROP TABLE %2$s", "INSERT INTO %2$s VALUES (1)",
				"UPDATE %2$s SET id = 2", "DELETE FROM %2$s");
		try (Connection connection = connect()) {
			for (String template : statements) {
				String marker = unique("marker");
				String target = unique("target");
				execute(connection, "CREATE TABLE " + marker + " (id int)");
				execute(connection, "CREATE TABLE " + target + " (id int)");
				String statement = template.formatted(marker, target);
				connection.setAutoCommit(false);
				try {
					execute(connection, "INSERT INTO " + marker + " VALUES (1)");
					execute(connection, statement);
					connection.rollback();
				}
				finally {
					connection.setAutoCommit(true);
				}
				boolean committed;
				try (Statement count = connection.createStatement();
						ResultSet rows = count.executeQuery("SELECT COUNT(*) FROM " + marker)) {
					rows.next();
					committed = rows.getInt(1) == 1;
				}
				assertThat(this.dialect.commitsImplicitly(statement)).as(statement).isEqualTo(committed);
			}
		}
	}

	private static List<HistoryEntry> sampleEntries() {
		return List.of(upgrade("a1", List.of(), "create users", AT, true),
				upgrade("b2", List.of("a1"), "it's a \\ backslash, a \"quote\" and ümlauts", AT.plusMillis(1500), true),
				new HistoryEntry("m3", List.of("b2", "c4"), List.of("m3"), HistoryOperation.UPGRADE, "", null,
						"deployer", AT.plusSeconds(2), null, true),
				upgrade("d5", List.of("m3"), "broken", AT.plusSeconds(3), false),
				new HistoryEntry("m3", List.of("m3"), List.of("b2", "c4"), HistoryOperation.DOWNGRADE, "", "sum-m3",
						null, AT.plusSeconds(4), 12L, true),
				new HistoryEntry("a1", List.of("b2", "c4"), List.of(), HistoryOperation.STAMP, "", null, null,
						AT.plusSeconds(5), 0L, true));
	}

	private static HistoryEntry upgrade(String revision, List<String> from, String message, Instant at,
			boolean success) {
		return new HistoryEntry(revision, from, List.of(revision), HistoryOperation.UPGRADE, message,
				"sum-" + revision, null, at, 41L, success);
	}

	private static List<HistoryEntry> withInstalledBy(List<HistoryEntry> entries, String user) {
		return entries.stream()
			.map((e) -> new HistoryEntry(e.revision(), e.fromRevisions(), e.toRevisions(), e.operation(), e.message(),
					e.checksum(), (e.installedBy() != null) ? e.installedBy() : user, e.installedAt(), e.executionMs(),
					e.success()))
			.toList();
	}

	// --- lock ------------------------------------------------------------------------------------

	@Test
	void aSecondRunWaitsForTheLockThenTimesOut() throws Exception {
		String table = unique("locked");
		MigrationLock lock = this.dialect.lock(null, table);
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			Future<String> first = executor.submit(() -> lock.withLock(this.dataSource, Duration.ofSeconds(10), () -> {
				held.countDown();
				finish.await(30, TimeUnit.SECONDS);
				return "first";
			}));
			assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
			long start = System.nanoTime();
			assertThatThrownBy(() -> lock.withLock(this.dataSource, Duration.ofMillis(700), () -> "second"))
				.isInstanceOf(LockTimeoutException.class)
				.hasMessageContaining(table)
				.hasMessageContaining("within 700 ms")
				.satisfies((ex) -> assertThat(((MigrationsException) ex).kind()).isEqualTo(ErrorKind.LOCK));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(650));
			finish.countDown();
			assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
		}
		finally {
			finish.countDown();
			executor.shutdownNow();
		}
	}

	@Test
	void aWaitingRunTakesTheLockOnceTheFirstReleasesIt() throws Exception {
		MigrationLock lock = this.dialect.lock(null, unique("locked"));
		CountDownLatch held = new CountDownLatch(1);
		AtomicLong firstDone = new AtomicLong();
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			Future<?> first = executor.submit(() -> lock.withLock(this.dataSource, Duration.ofSeconds(10), () -> {
				held.countDown();
				Thread.sleep(400);
				firstDone.set(System.nanoTime());
				return null;
			}));
			assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
			long secondStarted = lock.withLock(this.dataSource, Duration.ofSeconds(10), System::nanoTime);
			assertThat(secondStarted).isGreaterThan(firstDone.get());
			first.get(10, TimeUnit.SECONDS);
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void eightConcurrentRunsNeverOverlap() throws Exception {
		String counter = unique("counter");
		try (Connection connection = connect()) {
			execute(connection, "CREATE TABLE " + counter + " (id int PRIMARY KEY, n int NOT NULL)");
			execute(connection, "INSERT INTO " + counter + " (id, n) VALUES (1, 0)");
		}
		MigrationLock lock = this.dialect.lock(null, unique("contended"));
		AtomicInteger inside = new AtomicInteger();
		AtomicInteger mostInside = new AtomicInteger();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> runs = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				runs.add(executor.submit(() -> {
					start.await();
					for (int round = 0; round < 3; round++) {
						lock.withLock(this.dataSource, Duration.ofSeconds(60), () -> {
							mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
							incrementSlowly(counter);
							inside.decrementAndGet();
							return null;
						});
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> run : runs) {
				run.get(120, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(mostInside).hasValue(1);
		try (Connection connection = connect()) {
			assertThat(column(connection, "SELECT n FROM " + counter)).containsExactly("24");
		}
	}

	/** A read, a pause and a write on a connection of its own: overlapping runs would lose increments. */
	private void incrementSlowly(String counter) throws Exception {
		try (Connection connection = connect()) {
			int n = Integer.parseInt(column(connection, "SELECT n FROM " + counter).get(0));
			Thread.sleep(5);
			execute(connection, "UPDATE " + counter + " SET n = " + (n + 1) + " WHERE id = 1");
		}
	}

	@Test
	void anExceptionInTheWorkPropagatesAndReleasesTheLock() {
		MigrationLock lock = this.dialect.lock(null, unique("failing"));
		IllegalStateException failure = new IllegalStateException("revision failed");
		assertThatThrownBy(() -> lock.withLock(this.dataSource, Duration.ofSeconds(5), () -> {
			throw failure;
		})).isSameAs(failure);
		assertThat(lock.withLock(this.dataSource, Duration.ZERO, () -> "free again")).isEqualTo("free again");
	}

	@Test
	void aCheckedSqlExceptionInTheWorkBecomesAnSqlError() {
		MigrationLock lock = this.dialect.lock(null, unique("failing"));
		SQLException failure = new SQLException("relation \"users\" does not exist");
		assertThatExceptionOfType(MigrationsException.class)
			.isThrownBy(() -> lock.withLock(this.dataSource, Duration.ofSeconds(5), () -> {
				throw failure;
			}))
			.withMessage("relation \"users\" does not exist")
			.withCause(failure)
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ErrorKind.SQL));
		assertThat(lock.withLock(this.dataSource, Duration.ZERO, () -> "free again")).isEqualTo("free again");
	}

	@Test
	void theWorkMayUseOtherConnectionsOfTheSamePool() throws SQLException {
		HikariConfig config = new HikariConfig();
		config.setDataSource(this.dataSource);
		config.setMaximumPoolSize(2);
		config.setConnectionTimeout(2000);
		String name = unique("pooled");
		VersionTable table = new VersionTable(this.dialect, null, name);
		MigrationLock lock = this.dialect.lock(null, name);
		try (HikariDataSource pool = new HikariDataSource(config)) {
			for (int run = 0; run < 4; run++) {
				String revision = "r" + run;
				lock.withLock(pool, Duration.ofSeconds(5), () -> {
					try (Connection connection = pool.getConnection()) {
						table.createIfMissing(connection);
						table.insert(connection, revision);
					}
					return null;
				});
			}
			try (Connection connection = pool.getConnection()) {
				assertThat(table.read(connection)).containsExactly("r0", "r1", "r2", "r3");
			}
		}
	}

	@Test
	void locksOfDifferentVersionTablesDoNotBlockEachOther() {
		MigrationLock one = this.dialect.lock(null, unique("one"));
		MigrationLock other = this.dialect.lock(null, unique("other"));
		String result = one.withLock(this.dataSource, Duration.ofSeconds(5),
				() -> other.withLock(this.dataSource, Duration.ZERO, () -> "both held"));
		assertThat(result).isEqualTo("both held");
	}

	@Test
	void aLockInAConfiguredSchemaWorksBeforeTheSchemaExists() {
		MigrationLock lock = this.dialect.lock(schemaName(unique("locked_state")), "migrations_version");
		assertThat(lock.withLock(this.dataSource, Duration.ofSeconds(5), () -> "held")).isEqualTo("held");
		assertThat(lock.withLock(this.dataSource, Duration.ofSeconds(5), () -> "again")).isEqualTo("again");
	}

	// --- helpers -------------------------------------------------------------------------------

	// --- a revision's timeouts -----------------------------------------------------------------

	@Test
	void timeoutsSetForTheSessionLastUntilTheReturnedStatementsRun() throws SQLException {
		try (Connection connection = connect()) {
			String[] own = sessionTimeouts(connection);
			List<String> resets = this.dialect.setTimeouts(connection,
					new Timeouts(Duration.ofMillis(1500), Duration.ofSeconds(7)), false);
			String[] set = sessionTimeouts(connection);
			assertThat(set[0]).isNotEqualTo(own[0]);
			assertThat(set[1]).isNotEqualTo(own[1]);
			execute(connection, resets);
			assertThat(sessionTimeouts(connection)).containsExactly(own);
		}
	}

	@Test
	void timeoutsSetForATransactionEndWithItAndTheReturnedStatements() throws SQLException {
		try (Connection connection = connect()) {
			String[] own = sessionTimeouts(connection);
			connection.setAutoCommit(false);
			List<String> resets = this.dialect.setTimeouts(connection,
					new Timeouts(Duration.ofMillis(1500), Duration.ofSeconds(7)), true);
			assertThat(sessionTimeouts(connection)).doesNotContain(own[0], own[1]);
			connection.commit();
			execute(connection, resets);
			connection.commit();
			assertThat(sessionTimeouts(connection)).containsExactly(own);
		}
	}

	@Test
	void aTimeoutNotSetKeepsTheSessionsOwn() throws SQLException {
		try (Connection connection = connect()) {
			String[] own = sessionTimeouts(connection);
			List<String> resets = this.dialect.setTimeouts(connection, new Timeouts(Duration.ofSeconds(3), null), false);
			String[] set = sessionTimeouts(connection);
			assertThat(set[0]).isNotEqualTo(own[0]);
			assertThat(set[1]).isEqualTo(own[1]);
			execute(connection, resets);
			assertThat(this.dialect.setTimeouts(connection, Timeouts.NONE, false)).isEmpty();
			assertThat(sessionTimeouts(connection)).containsExactly(own);
		}
	}

	@Test
	void aStatementThatWaitsForALockLongerThanTheLockTimeoutFailsAsALockTimeout() throws SQLException {
		String table = unique("locked");
		try (Connection setup = connect()) {
			execute(setup, "CREATE TABLE " + table + " (id int primary key, v int)");
			execute(setup, "INSERT INTO " + table + " VALUES (1, 0)");
		}
		try (Connection holder = connect(); Connection waiter = connect()) {
			holder.setAutoCommit(false);
			execute(holder, "UPDATE " + table + " SET v = 1 WHERE id = 1");
			waiter.setAutoCommit(false);
			List<String> resets = this.dialect.setTimeouts(waiter, new Timeouts(Duration.ofMillis(500), null), true);
			long started = System.nanoTime();
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> execute(waiter, "UPDATE " + table + " SET v = 2 WHERE id = 1"))
				.satisfies((ex) -> assertThat(SqlErrorClass.of(ex)).contains(SqlErrorClass.LOCK_TIMEOUT));
			// MariaDB counts its lock timeouts in whole seconds, so 500 ms waits a second there.
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(400),
					Duration.ofSeconds(4));
			waiter.rollback();
			execute(waiter, resets);
			holder.rollback();
		}
	}

	private String[] sessionTimeouts(Connection connection) throws SQLException {
		return column(connection, sessionTimeoutsSql()).get(0).split("\\|", -1);
	}

	Connection connect() throws SQLException {
		return this.dataSource.getConnection();
	}

	static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	static void execute(Connection connection, List<String> script) throws SQLException {
		for (String sql : script) {
			execute(connection, sql);
		}
	}

	static List<String> column(Connection connection, String sql, String... parameters) throws SQLException {
		List<String> values = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setString(i + 1, parameters[i]);
			}
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					values.add(rows.getString(1));
				}
			}
		}
		return values;
	}

}
