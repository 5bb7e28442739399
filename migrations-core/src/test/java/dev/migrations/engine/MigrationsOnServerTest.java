package dev.migrations.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.report.CheckReport;
import dev.migrations.report.RevisionState;
import dev.migrations.report.StatusReport;
import dev.migrations.sql.SqlSplitter;
import dev.migrations.sql.SqlStatement;
import dev.migrations.sql.SqlSyntax;
import dev.migrations.testing.ServerDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The facade on a real server database: every bad input is a clear error that changes nothing, and offline SQL does
 * what the online run does. Each subclass runs these on a fresh database of its own, with what only its database does
 * (how a revision that fails halfway is left, among others).
 */
abstract class MigrationsOnServerTest {

	ServerDatabase database;

	DataSource dataSource;

	ScriptDirectory scripts;

	/** Creates the test's own empty database. */
	abstract ServerDatabase createDatabase();

	/** The SQL expression for the connection's current schema, as {@code information_schema} names it. */
	abstract String currentSchemaExpression();

	/** The {@code offlineDialect} offline SQL is written for ({@code null} for the default). */
	abstract String offlineDialect();

	/** How the database's scripts are split into statements, to run offline SQL one statement at a time. */
	abstract SqlSyntax syntax();

	@BeforeEach
	void createDatabase(@TempDir Path directory) {
		this.database = createDatabase();
		this.dataSource = this.database.dataSource();
		this.scripts = new ScriptDirectory(directory);
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	Migrations migrations() {
		return this.scripts.migrations(this.dataSource);
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
		String sql = new Migrations(this.scripts.config().offlineDialect(offlineDialect()).build(), null)
			.upgradeSql("base:head");
		assertThat(sql).contains("-- Running upgrade  -> r1, 1_a", "CREATE TABLE a", "INSERT INTO migrations_version");
		executeScript(sql);
		assertThat(rows()).containsExactly("r2");
		assertThat(migrations().check().ok()).isTrue();
		String down = new Migrations(this.scripts.config().offlineDialect(offlineDialect()).build(), null)
			.downgradeSql("r2:r1");
		executeScript(down);
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

	List<String> rows() {
		if (!tableExists("migrations_version")) {
			return List.of();
		}
		return query("SELECT version_num FROM migrations_version ORDER BY 1");
	}

	boolean tableExists(String table) {
		return !query("SELECT table_name FROM information_schema.tables WHERE table_schema = "
				+ currentSchemaExpression() + " AND table_name = '" + table + "'")
			.isEmpty();
	}

	List<String> query(String sql) {
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

	void execute(String sql) {
		try (Connection connection = this.dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Runs a script of several statements on one connection, as a database's own client would. */
	private void executeScript(String sql) {
		try (Connection connection = this.dataSource.getConnection(); Statement statement = connection.createStatement()) {
			for (SqlStatement each : SqlSplitter.of(syntax()).split(sql, 1)) {
				statement.execute(each.sql());
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
