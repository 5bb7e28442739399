package dev.migrations.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.config.TransactionMode;
import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.execute.SqlExecutionException;
import dev.migrations.report.CheckReport;
import dev.migrations.report.RevisionState;
import dev.migrations.report.StatusReport;
import dev.migrations.testing.PostgresDatabase;

import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The facade on real PostgreSQL: failures leave the database whole, and every bad input is a clear error. */
class MigrationsPostgresTest {

	private PostgresDatabase database;

	private DataSource dataSource;

	private ScriptDirectory scripts;

	@BeforeEach
	void createDatabase(@TempDir Path directory) {
		this.database = PostgresDatabase.create("engine");
		this.dataSource = this.database.dataSource();
		this.scripts = new ScriptDirectory(directory);
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	private Migrations migrations() {
		return this.scripts.migrations(this.dataSource);
	}

	@Test
	void aRevisionThatFailsHalfwayLeavesTheDatabaseAtTheLastGoodRevision() {
		this.scripts.revision("1_accounts.sql", "r1", null, "CREATE TABLE accounts (id int primary key);",
				"DROP TABLE accounts;")
			.revision("2_broken.sql", "r2", "r1",
					"CREATE TABLE audit (id int);\nINSERT INTO audit VALUES (1);\nALTER TABLE nope ADD COLUMN x int;",
					"DROP TABLE audit;");
		assertThatThrownBy(() -> migrations().upgrade("head")).isInstanceOf(SqlExecutionException.class)
			.hasMessageContaining("2_broken.sql:8")
			.hasMessageContaining("ALTER TABLE nope ADD COLUMN x int")
			.hasMessageContaining("\"nope\" does not exist");
		assertThat(rows()).containsExactly("r1");
		assertThat(tableExists("accounts")).isTrue();
		assertThat(tableExists("audit")).isFalse();
		assertThat(query("SELECT revision || ':' || operation || ':' || success FROM migrations_history ORDER BY id"))
			.containsExactly("r1:upgrade:true", "r2:upgrade:false");
	}

	@Test
	void aStatementThatCannotRunInATransactionHintsAtTransactionalFalse() {
		this.scripts.revision("1_t.sql", "r1", null, "CREATE TABLE t (id int);", "DROP TABLE t;")
			.revision("2_index.sql", "r2", "r1", "CREATE INDEX CONCURRENTLY t_id ON t (id);", "DROP INDEX t_id;");
		assertThatThrownBy(() -> migrations().upgrade("head")).isInstanceOf(SqlExecutionException.class)
			.hasMessageContaining("2_index.sql")
			.satisfies((ex) -> assertThat(((MigrationsException) ex).hint()).contains("-- Transactional: false"));
		assertThat(rows()).containsExactly("r1");
		this.scripts.write("2_index.sql", """
				-- Revision ID: r2
				-- Revises: r1
				-- Transactional: false

				-- migrate:upgrade
				CREATE INDEX CONCURRENTLY t_id ON t (id);

				-- migrate:downgrade
				DROP INDEX CONCURRENTLY t_id;
				""");
		assertThat(migrations().upgrade("head").after()).containsExactly("r2");
		assertThat(query("SELECT indexname FROM pg_indexes WHERE indexname = 't_id'")).containsExactly("t_id");
		assertThat(migrations().downgrade("r1").after()).containsExactly("r1");
	}

	@Test
	void singleTransactionModeRollsBackTheWholeRun() {
		this.scripts.revision("1_a.sql", "r1", null, "CREATE TABLE a (id int);", "DROP TABLE a;")
			.revision("2_b.sql", "r2", "r1", "CREATE TABLE b (id int);\nSELECT 1/0;", "DROP TABLE b;");
		Migrations single = new Migrations(this.scripts.config().transactionMode(TransactionMode.SINGLE).build(),
				this.dataSource);
		assertThatThrownBy(() -> single.upgrade("head")).isInstanceOf(SqlExecutionException.class)
			.hasMessageContaining("division by zero");
		assertThat(rows()).isEmpty();
		assertThat(tableExists("a")).isFalse();
	}

	@Test
	void aDowngradeAcrossAnIrreversibleRevisionRunsNothing() {
		this.scripts.revision("1_a.sql", "r1", null, "CREATE TABLE a (id int);", "DROP TABLE a;")
			.revision("2_b.sql", "r2", "r1", "CREATE TABLE b (id int);", null)
			.revision("3_c.sql", "r3", "r2", "CREATE TABLE c (id int);", "DROP TABLE c;");
		migrations().upgrade("head");
		assertThatThrownBy(() -> migrations().downgrade("base")).isInstanceOf(MigrationsException.class)
			.hasMessageContaining("Cannot downgrade revision r2 (")
			.hasMessageContaining("2_b.sql")
			.extracting((ex) -> ((MigrationsException) ex).kind())
			.isEqualTo(ErrorKind.IRREVERSIBLE);
		assertThat(rows()).containsExactly("r3");
		assertThat(tableExists("c")).isTrue();
		assertThat(migrations().downgrade("r2").after()).containsExactly("r2");
	}

	@Test
	void anAppliedScriptThatChangedFailsUpgradeAndCheck() {
		this.scripts.revision("1_a.sql", "r1", null, "CREATE TABLE a (id int);", "DROP TABLE a;");
		migrations().upgrade("head");
		this.scripts.revision("1_a.sql", "r1", null, "CREATE TABLE a (id bigint);", "DROP TABLE a;")
			.revision("2_b.sql", "r2", "r1", "CREATE TABLE b (id int);", "DROP TABLE b;");
		assertThatThrownBy(() -> migrations().upgrade("head")).isInstanceOf(MigrationsException.class)
			.hasMessageContaining("Checksum mismatch")
			.hasMessageContaining("r1 (")
			.hasMessageContaining("1_a.sql");
		assertThat(rows()).containsExactly("r1");
		CheckReport check = migrations().check();
		assertThat(check.ok()).isFalse();
		assertThat(check.checksumMismatches()).containsExactly("r1");
		Migrations lenient = new Migrations(this.scripts.config().validateChecksums(false).build(), this.dataSource);
		assertThat(lenient.upgrade("head").after()).containsExactly("r2");
	}

	@Test
	void aDatabaseAtAnUnknownRevisionFailsEveryCommandThatNeedsItsPosition() {
		this.scripts.revision("1_a.sql", "r1", null, "CREATE TABLE a (id int);", "DROP TABLE a;");
		migrations().upgrade("head");
		execute("UPDATE migrations_version SET version_num = 'feedface0000'");
		Migrations migrations = migrations();
		for (Runnable command : List.<Runnable>of(migrations::current, () -> migrations.upgrade("head"),
				() -> migrations.downgrade("base"), () -> migrations.stamp(List.of("head"), false),
				migrations::check)) {
			assertThatThrownBy(command::run).isInstanceOf(MigrationsException.class)
				.hasMessageStartingWith("Can't locate revision identified by 'feedface0000'")
				.satisfies((ex) -> assertThat(((MigrationsException) ex).hint()).contains("stamp --purge"));
		}
		assertThat(migrations.heads(false)).extracting((view) -> view.id()).containsExactly("r1");
		assertThat(migrations.history(null, true)).hasSize(1);
		StatusReport status = migrations.status("head");
		assertThat(status.unknown()).containsExactly("feedface0000");
		assertThat(status.history().get(0).state()).isEqualTo(RevisionState.UNKNOWN);
		migrations.stamp(List.of("r1"), true);
		assertThat(rows()).containsExactly("r1");
		assertThat(migrations.check().ok()).isTrue();
	}

	@Test
	void invalidScriptsAreOneErrorNamingTheFile() {
		this.scripts.write("1_a.sql", "-- Revises:\n\n-- migrate:upgrade\nSELECT 1;\n");
		assertThatThrownBy(() -> migrations().heads(false)).isInstanceOf(MigrationsException.class)
			.hasMessageContaining("1_a.sql")
			.hasMessageContaining("Revision ID");
		this.scripts.write("1_a.sql", "-- Revision ID: r1\n\nSELECT 1;\n");
		assertThatThrownBy(() -> migrations().heads(false)).isInstanceOf(MigrationsException.class)
			.hasMessageContaining("1_a.sql")
			.hasMessageContaining("migrate:upgrade");
	}

	@Test
	void invalidGraphsAreOneErrorNamingTheFiles() {
		this.scripts.revision("1_a.sql", "r1", null, "SELECT 1;", "SELECT 1;")
			.revision("2_a.sql", "r1", null, "SELECT 1;", "SELECT 1;");
		assertThatThrownBy(() -> migrations().upgrade("head")).hasMessageContaining("1_a.sql")
			.hasMessageContaining("2_a.sql");
		this.scripts.revision("2_a.sql", "r2", "zzzz", "SELECT 1;", "SELECT 1;");
		assertThatThrownBy(() -> migrations().upgrade("head")).hasMessageContaining("zzzz")
			.hasMessageContaining("2_a.sql");
		this.scripts.revision("1_a.sql", "r1", "r2", "SELECT 1;", "SELECT 1;")
			.revision("2_a.sql", "r2", "r1", "SELECT 1;", "SELECT 1;")
			.revision("0_root.sql", "r0", null, "SELECT 1;", "SELECT 1;");
		assertThatThrownBy(() -> migrations().upgrade("head")).hasMessageContaining("Cycle is detected in revisions (r1, r2)");
		this.scripts.write("1_a.sql", "-- Revision ID: r1\n-- Revises: r0\n-- Branch Labels: dup\n\n-- migrate:upgrade\n")
			.write("2_a.sql", "-- Revision ID: r2\n-- Revises: r0\n-- Branch Labels: dup\n\n-- migrate:upgrade\n");
		assertThatThrownBy(() -> migrations().upgrade("heads")).hasMessageContaining("Branch name 'dup'")
			.hasMessageContaining("1_a.sql")
			.hasMessageContaining("2_a.sql");
	}

	@Test
	void targetsThatNameNothingOrSeveralAreClearErrors() {
		this.scripts.revision("1_a.sql", "ab12cd000000", null, "SELECT 1;", "SELECT 1;")
			.revision("2_a.sql", "ab12ef000000", "ab12cd000000", "SELECT 1;", "SELECT 1;")
			.revision("3_b.sql", "ff00ff000000", "ab12cd000000", "SELECT 1;", "SELECT 1;");
		Migrations migrations = migrations();
		assertThatThrownBy(() -> migrations.upgrade("ab12")).hasMessageContaining("Multiple revisions start with 'ab12'");
		assertThatThrownBy(() -> migrations.upgrade("nosuch")).hasMessageContaining("Can't locate revision identified by 'nosuch'");
		assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOf(MigrationsException.class)
			.hasMessageContaining("Multiple head revisions are present for given argument 'head'")
			.extracting((ex) -> ((MigrationsException) ex).kind())
			.isEqualTo(ErrorKind.MULTIPLE_HEADS);
		assertThat(rows()).isEmpty();
		assertThat(migrations.upgrade("heads").after()).containsExactlyInAnyOrder("ab12ef000000", "ff00ff000000");
	}

	@Test
	void offlineSqlOfARangeNeedsNoDatabaseAndDoesWhatTheOnlineRunDoes() {
		this.scripts.revision("1_a.sql", "r1", null, "CREATE TABLE a (id int, note text DEFAULT 'it''s');", "DROP TABLE a;")
			.revision("2_b.sql", "r2", "r1", "CREATE TABLE b (id int);", "DROP TABLE b;");
		String sql = new Migrations(this.scripts.config().build(), null).upgradeSql("base:head");
		assertThat(sql).contains("-- Running upgrade  -> r1, 1_a", "CREATE TABLE a", "INSERT INTO migrations_version");
		execute(sql);
		assertThat(rows()).containsExactly("r2");
		assertThat(migrations().check().ok()).isTrue();
		String down = new Migrations(this.scripts.config().build(), null).downgradeSql("r2:r1");
		execute(down);
		assertThat(rows()).containsExactly("r1");
		assertThat(tableExists("b")).isFalse();
	}

	@Test
	void upgradeAtHeadIsANoOpAndHistoryRecordsEveryStep() {
		this.scripts.revision("1_a.sql", "r1", null, "CREATE TABLE a (id int);", "DROP TABLE a;");
		assertThat(migrations().upgrade("head").steps()).hasSize(1);
		assertThat(migrations().upgrade("head").steps()).isEmpty();
		migrations().downgrade("base");
		migrations().stamp(List.of("r1"), false);
		assertThat(query("SELECT operation FROM migrations_history ORDER BY id")).containsExactly("upgrade",
				"downgrade", "stamp");
		StatusReport status = migrations().status("head");
		assertThat(status.upToDate()).isTrue();
		assertThat(status.history().get(0).state()).isEqualTo(RevisionState.APPLIED);
	}

	@Test
	void aLongRevisionLogsItsEndWithItsTime() {
		this.scripts.revision("1_slow.sql", "r1", null, "SELECT pg_sleep(1.1);", "");
		this.scripts.revision("2_fast.sql", "r2", "r1", "SELECT 1;", "");
		Logger executorLogger = (Logger) LoggerFactory.getLogger("dev.migrations.execute.MigrationExecutor");
		Level level = executorLogger.getLevel();
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		executorLogger.addAppender(appender);
		executorLogger.setLevel(Level.INFO);
		try {
			migrations().upgrade("head");
		}
		finally {
			executorLogger.detachAppender(appender);
			executorLogger.setLevel(level);
		}
		List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
		assertThat(lines).hasSize(3);
		assertThat(lines.get(0)).startsWith("Running upgrade  -> r1");
		assertThat(lines.get(1)).matches("Finished upgrade  -> r1, .* in 1[0-9]{3} ms");
		assertThat(lines.get(2)).startsWith("Running upgrade r1 -> r2");
	}

	private List<String> rows() {
		if (!tableExists("migrations_version")) {
			return List.of();
		}
		return query("SELECT version_num FROM migrations_version ORDER BY 1");
	}

	private boolean tableExists(String table) {
		return !query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename = '" + table + "'")
			.isEmpty();
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

	private void execute(String sql) {
		try (Connection connection = this.dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
