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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.migrations.Migrations;
import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.execute.SqlExecutionException;
import dev.migrations.state.HistoryEntry;
import dev.migrations.state.HistoryOperation;
import dev.migrations.testing.H2Database;
import dev.migrations.testing.MariaDbDatabase;
import dev.migrations.testing.PartialFailureKind;
import dev.migrations.testing.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A revision whose failure can't be rolled back whole: on H2 and MariaDB because DDL commits at once, on PostgreSQL
 * because the revision says {@code -- Transactional: false}. The failure names the statements that stay applied,
 * the history records them, and no revision runs again until {@code repair} or {@code stamp} says the database was
 * fixed.
 */
class PartiallyAppliedRevisionTest {

	/** Each database, with the header that makes its failed revision leave statements applied. */
	private static final String FAILED_AT = "at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC";

	@TempDir
	Path directory;

	private AutoCloseable database;

	private DataSource dataSource;

	private ScriptDirectory scripts;

	private PartialFailureKind kind;

	@AfterEach
	void dropDatabase() throws Exception {
		this.database.close();
	}

	private void open(PartialFailureKind kind) {
		this.kind = kind;
		switch (kind) {
			case H2 -> {
				H2Database h2 = H2Database.create("partial", H2Database.Mode.DEFAULT);
				this.database = h2;
				this.dataSource = h2.dataSource();
			}
			case MARIADB -> {
				MariaDbDatabase mariaDb = MariaDbDatabase.create("partial");
				this.database = mariaDb;
				this.dataSource = mariaDb.dataSource();
			}
			case POSTGRESQL -> {
				PostgresDatabase postgres = PostgresDatabase.create("partial");
				this.database = postgres;
				this.dataSource = postgres.dataSource();
			}
		}
		this.scripts = new ScriptDirectory(this.directory);
		this.scripts.revision("1_accounts.sql", "r1", null, "CREATE TABLE accounts (id int);", "DROP TABLE accounts;");
	}

	/** Revision r2 in {@code 2_broken.sql}: its upgrade starts on line 7, its downgrade on line 11. */
	private void broken(String upgrade, String downgrade) {
		this.scripts.write("2_broken.sql", """
				-- Revision ID: r2
				-- Revises: r1
				-- Message: broken
				-- %s

				-- migrate:upgrade
				%s

				-- migrate:downgrade
				%s
				""".formatted(this.kind.header(), upgrade, downgrade));
	}

	private Migrations migrations() {
		return this.scripts.migrations(this.dataSource);
	}

	private String file() {
		return migrations().heads(false).get(0).location();
	}

	@ParameterizedTest
	@EnumSource(PartialFailureKind.class)
	void aFailureAfterStatementsThatStayAppliedNamesThemAndSaysTheyWereNotRolledBack(PartialFailureKind kind) {
		open(kind);
		broken("CREATE TABLE t2 (id int);\nINSERT INTO nosuch VALUES (1);", "DROP TABLE t2;");
		String file = file();
		SqlExecutionException failure = catchThrowableOfType(SqlExecutionException.class,
				() -> migrations().upgrade("head"));
		assertThat(failure.getMessage()).startsWith(file + ":8: ")
			.endsWith(" [statement: INSERT INTO nosuch VALUES (1)]; NOT rolled back: the statement at " + file
					+ ":7 had run and stays applied (" + kind.reason() + ")");
		assertThat(failure.hint()).isEqualTo("Undo what the statement at " + file
				+ ":7 did, run 'migrations repair', then fix the statement in " + file
				+ " and run the command again (or complete the revision by hand and run 'migrations stamp r2')");
		assertThat(rows()).containsExactly("r1");
		assertThat(tableExists("t2")).isTrue();
		assertThat(query("SELECT revision, operation, success, partial_state FROM migrations_history ORDER BY id"))
			.containsExactly(List.of("r1", "upgrade", "true", "null"), List.of("r2", "upgrade", "false",
					"the statement at " + file + ":7 ran and stayed applied (" + kind.reason() + "); " + file
							+ ":8 failed"));
	}

	@ParameterizedTest
	@EnumSource(PartialFailureKind.class)
	void theNextRunsRefuseUntilRepairSaysTheChangesWereUndone(PartialFailureKind kind) {
		open(kind);
		broken("CREATE TABLE t2 (id int);\nINSERT INTO nosuch VALUES (1);", "DROP TABLE t2;");
		String file = file();
		assertThatThrownBy(() -> migrations().upgrade("head")).isInstanceOf(SqlExecutionException.class);
		String refusal = "Revision r2 \\(" + quoted(file) + "\\) was left partly applied by its failed upgrade "
				+ FAILED_AT + ": the statement at " + quoted(file) + ":7 ran and stayed applied \\(" + kind.reason()
				+ "\\); " + quoted(file) + ":8 failed; no revision runs until this is fixed";
		String hint = "Undo what those statements did and run 'migrations repair', or complete the revision by hand "
				+ "and run 'migrations stamp r2'; then run the command again";
		for (Runnable command : List.<Runnable>of(() -> migrations().upgrade("head"),
				() -> migrations().downgrade("base"), () -> migrations().check())) {
			MigrationsException refused = catchThrowableOfType(MigrationsException.class, command::run);
			assertThat(refused.getMessage()).matches(refusal);
			assertThat(refused.hint()).isEqualTo(hint);
			assertThat(refused.kind()).isEqualTo(ErrorKind.STATE);
		}
		assertThat(rows()).containsExactly("r1");
		assertThat(tableExists("accounts")).isTrue();

		execute("DROP TABLE t2");
		broken("CREATE TABLE t2 (id int);\nINSERT INTO t2 VALUES (1);", "DROP TABLE t2;");
		List<HistoryEntry> repaired = migrations().repair();
		assertThat(repaired).singleElement().satisfies((entry) -> {
			assertThat(entry.revision()).isEqualTo("r2");
			assertThat(entry.operation()).isEqualTo(HistoryOperation.UPGRADE);
		});
		assertThat(migrations().repair()).isEmpty();
		assertThat(migrations().upgrade("head").after()).containsExactly("r2");
		assertThat(query("SELECT revision, operation, success FROM migrations_history ORDER BY id")).containsExactly(
				List.of("r1", "upgrade", "true"), List.of("r2", "upgrade", "false"), List.of("r2", "repair", "true"),
				List.of("r2", "upgrade", "true"));
	}

	@ParameterizedTest
	@EnumSource(PartialFailureKind.class)
	void aStampSaysTheRevisionWasCompletedByHand(PartialFailureKind kind) {
		open(kind);
		broken("CREATE TABLE t2 (id int);\nINSERT INTO nosuch VALUES (1);", "DROP TABLE t2;");
		assertThatThrownBy(() -> migrations().upgrade("head")).isInstanceOf(SqlExecutionException.class);
		assertThat(migrations().stamp(List.of("r2"), false).after()).containsExactly("r2");
		assertThat(migrations().upgrade("head").steps()).isEmpty();
		assertThat(migrations().check().ok()).isTrue();
		assertThat(migrations().downgrade("base").after()).isEmpty();
		assertThat(tableExists("t2")).isFalse();
	}

	@ParameterizedTest
	@EnumSource(PartialFailureKind.class)
	void aDowngradeLeftPartlyAppliedAtHeadStopsEvenAnUpgradeWithNothingToDo(PartialFailureKind kind) {
		open(kind);
		broken("CREATE TABLE t2 (id int);\nCREATE TABLE t3 (id int);", "DROP TABLE t3;\nDROP TABLE nosuch;");
		migrations().upgrade("head");
		String file = file();
		SqlExecutionException failure = catchThrowableOfType(SqlExecutionException.class,
				() -> migrations().downgrade("r1"));
		assertThat(failure.getMessage()).endsWith("NOT rolled back: the statement at " + file
				+ ":11 had run and stays applied (" + kind.reason() + ")");
		assertThat(failure.hint()).endsWith("(or complete the revision by hand and run 'migrations stamp r1')");
		assertThat(rows()).containsExactly("r2");
		MigrationsException refused = catchThrowableOfType(MigrationsException.class,
				() -> migrations().upgrade("head"));
		assertThat(refused.getMessage()).matches("Revision r2 \\(" + quoted(file)
				+ "\\) was left partly applied by its failed downgrade " + FAILED_AT + ": the statement at "
				+ quoted(file) + ":11 ran and stayed applied .*");
		assertThat(refused.hint()).contains("'migrations stamp r1'");
	}

	@ParameterizedTest
	@EnumSource(value = PartialFailureKind.class, names = { "H2", "MARIADB" })
	void onlyTheStatementsUpToTheLastDdlStayAppliedAndAFailedFirstStatementRollsBackWhole(PartialFailureKind kind) {
		open(kind);
		broken("INSERT INTO accounts VALUES (1);\nCREATE TABLE t2 (id int);\nINSERT INTO accounts VALUES (2);\n"
				+ "INSERT INTO nosuch VALUES (1);", "DROP TABLE t2;");
		String file = file();
		SqlExecutionException failure = catchThrowableOfType(SqlExecutionException.class,
				() -> migrations().upgrade("head"));
		assertThat(failure.getMessage()).endsWith("NOT rolled back: the statements at " + file + ":7 and " + file
				+ ":8 had run and stay applied (" + kind.reason() + ")");
		assertThat(query("SELECT id FROM accounts")).containsExactly(List.of("1"));

		execute("DROP TABLE t2");
		execute("DELETE FROM accounts");
		migrations().repair();
		broken("INSERT INTO nosuch VALUES (1);\nCREATE TABLE t2 (id int);", "DROP TABLE t2;");
		SqlExecutionException whole = catchThrowableOfType(SqlExecutionException.class,
				() -> migrations().upgrade("head"));
		assertThat(whole.getMessage()).endsWith("[statement: INSERT INTO nosuch VALUES (1)]");
		assertThat(whole.hint()).isEqualTo("A table it names does not exist: check the name and the schema, and that the "
				+ "revision creating it comes before this one; this revision was rolled back");
		assertThatThrownBy(() -> migrations().upgrade("head")).isInstanceOf(SqlExecutionException.class)
			.hasMessageContaining("[statement: INSERT INTO nosuch VALUES (1)]");
	}

	@Test
	void aRevisionOutsideATransactionThatFailsOnItsFirstStatementSaysNothingBeforeItRan() {
		open(PartialFailureKind.POSTGRESQL);
		broken("INSERT INTO nosuch VALUES (1);\nCREATE TABLE t2 (id int);", "DROP TABLE t2;");
		SqlExecutionException failure = catchThrowableOfType(SqlExecutionException.class,
				() -> migrations().upgrade("head"));
		assertThat(failure.getMessage()).doesNotContain("NOT rolled back");
		assertThat(failure.hint()).endsWith("; it was the first statement of a revision run outside a transaction, "
				+ "so nothing before it ran");
		assertThat(query("SELECT count(*) FROM information_schema.tables WHERE table_name = 't2'"))
			.containsExactly(List.of("0"));
	}

	private static String quoted(String text) {
		return java.util.regex.Pattern.quote(text);
	}

	private List<String> rows() {
		return query("SELECT version_num FROM migrations_version ORDER BY 1").stream().map((row) -> row.get(0)).toList();
	}

	private boolean tableExists(String table) {
		try (Connection connection = this.dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.executeQuery("SELECT COUNT(*) FROM " + table).close();
			return true;
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private List<List<String>> query(String sql) {
		try (Connection connection = this.dataSource.getConnection(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			List<List<String>> rows = new ArrayList<>();
			int columns = result.getMetaData().getColumnCount();
			while (result.next()) {
				List<String> row = new ArrayList<>();
				for (int i = 1; i <= columns; i++) {
					row.add(String.valueOf(result.getObject(i)));
				}
				rows.add(row);
			}
			return rows;
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
