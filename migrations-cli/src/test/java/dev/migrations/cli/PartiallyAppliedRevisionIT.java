package dev.migrations.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.migrations.testing.MariaDbDatabase;
import dev.migrations.testing.PartialFailureKind;
import dev.migrations.testing.PostgresDatabase;
import dev.migrations.testing.ServerDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A revision that fails after statements that can't be rolled back (DDL on H2 and MariaDB, a
 * {@code -- Transactional: false} revision on PostgreSQL), through the built jar: the failure names what stays
 * applied, every later {@code upgrade}, {@code downgrade} and {@code check} refuses with the command to run, and
 * {@code repair} lets them run again.
 */
class PartiallyAppliedRevisionIT {

	/** Each database, with the header that makes the failed revision leave a statement applied. */
	private static final String FILE = "migrations/2_broken.sql";

	@TempDir
	Path directory;

	private ServerDatabase server;

	private String url;

	private String user;

	private String password;

	private MigrationsJar migrations;

	private Scripts scripts;

	@AfterEach
	void dropDatabase() {
		if (this.server != null) {
			this.server.close();
		}
	}

	private void open(PartialFailureKind kind) {
		MigrationsJar jar = MigrationsJar.in(this.directory);
		switch (kind) {
			case H2 -> {
				this.url = "jdbc:h2:file:" + this.directory.resolve("h2").toAbsolutePath();
				this.user = "sa";
				this.password = "";
			}
			case MARIADB -> this.server = MariaDbDatabase.create("cli_partial");
			case POSTGRESQL -> this.server = PostgresDatabase.create("cli_partial");
		}
		if (this.server != null) {
			this.url = this.server.jdbcUrl();
			this.user = this.server.user();
			this.password = this.server.password();
		}
		this.migrations = jar.on(this.url, this.user, this.password);
		this.scripts = new Scripts(this.directory.resolve("migrations"));
		this.scripts.write("1_accounts.sql", Scripts.header("1111aaaa2222", "")
				+ "-- migrate:upgrade\nCREATE TABLE accounts (id int);\n\n-- migrate:downgrade\nDROP TABLE accounts;\n");
		broken(kind, "INSERT INTO nosuch VALUES (1);");
	}

	/** Revision 2222bbbb3333: {@code CREATE TABLE t2} on line 7, then {@code second} on line 8. */
	private void broken(PartialFailureKind kind, String second) {
		this.scripts.write("2_broken.sql", Scripts.header("2222bbbb3333", "1111aaaa2222", kind.header())
				+ "-- migrate:upgrade\nCREATE TABLE t2 (id int);\n" + second + "\n\n-- migrate:downgrade\nDROP TABLE t2;\n");
	}

	@ParameterizedTest
	@EnumSource(PartialFailureKind.class)
	void theFailureNamesWhatStaysAppliedAndLaterRunsRefuseUntilRepair(PartialFailureKind kind) throws SQLException {
		open(kind);
		MigrationsJar.Result failed = this.migrations.run("upgrade", "head");
		assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
		assertThat(failed.lines()).containsExactly("Running upgrade  -> 1111aaaa2222, revision 1111aaaa2222",
				"Running upgrade 1111aaaa2222 -> 2222bbbb3333, revision 2222bbbb3333");
		assertThat(failed.errorLines()).as(failed.toString()).hasSize(2);
		assertThat(failed.errorLines().get(0)).startsWith("FAILED: " + FILE + ":8: ")
			.endsWith("[statement: INSERT INTO nosuch VALUES (1)]; NOT rolled back: the statement at " + FILE
					+ ":7 had run and stays applied (" + kind.reason() + ")");
		assertThat(failed.errorLines().get(1)).isEqualTo("Hint: Undo what the statement at " + FILE
				+ ":7 did, run 'migrations repair', then fix the statement in " + FILE
				+ " and run the command again (or complete the revision by hand and run 'migrations stamp 2222bbbb3333')");

		for (String[] command : new String[][] { { "upgrade", "head" }, { "downgrade", "base" }, { "check" } }) {
			MigrationsJar.Result refused = this.migrations.run(command);
			assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
			assertThat(refused.lines()).as(refused.toString()).isEmpty();
			assertThat(refused.errorLines()).as(refused.toString()).hasSize(2);
			assertThat(refused.errorLines().get(0)).as(refused.toString())
				.matches("FAILED: Revision 2222bbbb3333 \\(" + FILE + "\\) was left partly applied by its failed "
						+ "upgrade at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC: the statement at " + FILE
						+ ":7 ran and stayed applied \\(" + kind.reason() + "\\); " + FILE
						+ ":8 failed; no revision runs until this is fixed");
			assertThat(refused.errorLines().get(1)).isEqualTo("Hint: Undo what those statements did and run "
					+ "'migrations repair', or complete the revision by hand and run 'migrations stamp 2222bbbb3333'; "
					+ "then run the command again");
		}
		assertThat(this.migrations.run("current").lines()).containsExactly("1111aaaa2222");

		execute("DROP TABLE t2");
		broken(kind, "INSERT INTO t2 VALUES (1);");
		MigrationsJar.Result repaired = this.migrations.run("repair");
		assertThat(repaired.exitCode()).as(repaired.toString()).isZero();
		assertThat(repaired.lines()).containsExactly("Repaired revision 2222bbbb3333: its failed upgrade is marked "
				+ "resolved (the statement at " + FILE + ":7 ran and stayed applied (" + kind.reason() + "); " + FILE
				+ ":8 failed)");
		assertThat(this.migrations.run("repair").lines())
			.containsExactly("Nothing to repair: no failed revision is left partly applied.");
		MigrationsJar.Result upgraded = this.migrations.run("upgrade", "head");
		assertThat(upgraded.exitCode()).as(upgraded.toString()).isZero();
		assertThat(upgraded.lines()).containsExactly("Running upgrade 1111aaaa2222 -> 2222bbbb3333, revision 2222bbbb3333");
	}

	@ParameterizedTest
	@EnumSource(value = PartialFailureKind.class, names = "POSTGRESQL")
	void aStampAfterCompletingTheRevisionByHandLetsRunsContinue(PartialFailureKind kind) throws SQLException {
		open(kind);
		assertThat(this.migrations.run("upgrade", "head").exitCode()).isEqualTo(1);
		execute("CREATE TABLE nosuch (id int)");
		execute("INSERT INTO nosuch VALUES (1)");
		assertThat(this.migrations.run("stamp", "2222bbbb3333").exitCode()).isZero();
		MigrationsJar.Result atHead = this.migrations.run("--json", "repair");
		assertThat(atHead.stdout()).isEqualTo("{\"repaired\":[]}\n");
		assertThat(this.migrations.run("check").exitCode()).isZero();
		MigrationsJar.Result downgraded = this.migrations.run("downgrade", "base");
		assertThat(downgraded.exitCode()).as(downgraded.toString()).isZero();
	}

	private void execute(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.url, this.user, this.password);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
