package dev.migrations.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.testing.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through the built jar, no command damages the state: a missing {@code --schema} is an error for every command
 * (unless {@code --create-schemas}), a stamp of overlapping revisions is refused, an overlapping version table
 * names the {@code stamp --purge} that repairs it, and {@code downgrade} refuses a changed applied script as
 * {@code upgrade} does (unless {@code --no-validate-checksums}).
 */
class CommandLineStateSafetyIT {

	@TempDir
	Path directory;

	private PostgresDatabase database;

	private MigrationsJar migrations;

	private Scripts scripts;

	@BeforeEach
	void createDatabase() {
		this.database = PostgresDatabase.create("cli_state");
		this.migrations = MigrationsJar.in(this.directory).on(this.database);
		this.scripts = new Scripts(this.directory.resolve("migrations"));
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void aMissingSchemaFailsEveryCommandAndIsCreatedOnlyWhenAsked() throws SQLException {
		this.scripts.revision("a_base.sql", "1111aaaa2222", "");
		assertThat(this.migrations.run("upgrade", "head").exitCode()).isZero();
		String hint = "Hint: Create it (CREATE SCHEMA IF NOT EXISTS nosuch) or correct the schema name; or let "
				+ "upgrade, downgrade and stamp create it: migrations.create-schemas=true (command line: "
				+ "--create-schemas)";
		for (List<String> command : List.of(List.of("upgrade", "head"), List.of("downgrade", "base"),
				List.of("stamp", "head"), List.of("stamp", "--purge", "head"), List.of("current"),
				List.of("current", "--check-heads"), List.of("check"), List.of("history", "-i"),
				List.of("show", "current"))) {
			List<String> args = new ArrayList<>(List.of("--schema", "nosuch"));
			args.addAll(command);
			MigrationsJar.Result result = this.migrations.run(args);
			assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
			assertThat(result.errorLines()).as(result.toString())
				.containsExactly("FAILED: Schema 'nosuch' does not exist", hint);
			assertThat(result.stdout()).as(result.toString()).isEmpty();
		}
		assertThat(query("SELECT nspname FROM pg_namespace WHERE nspname = 'nosuch'")).isEmpty();
		assertThat(this.migrations.run("current").lines()).containsExactly("1111aaaa2222 (head)");
		MigrationsJar.Result read = this.migrations.run("--schema", "nosuch", "--create-schemas", "current");
		assertThat(read.exitCode()).as(read.toString()).isZero();
		assertThat(query("SELECT nspname FROM pg_namespace WHERE nspname = 'nosuch'")).isEmpty();
		MigrationsJar.Result created = this.migrations.run("--schema", "nosuch", "--create-schemas", "stamp", "head");
		assertThat(created.exitCode()).as(created.toString()).isZero();
		assertThat(query("SELECT version_num FROM nosuch.migrations_version")).containsExactly("1111aaaa2222");
	}

	@Test
	void aStampOfOverlappingRevisionsIsRefusedAndAnOverlappingTableNamesItsRepair() throws SQLException {
		this.scripts.revision("a_one.sql", "a1a1a1a1a1a1", "");
		this.scripts.revision("b_two.sql", "b2b2b2b2b2b2", "a1a1a1a1a1a1");
		MigrationsJar.Result stamp = this.migrations.run("stamp", "a1a1a1a1a1a1", "b2b2b2b2b2b2");
		assertThat(stamp.exitCode()).as(stamp.toString()).isEqualTo(1);
		assertThat(stamp.errorLines()).as(stamp.toString())
			.containsExactly("FAILED: Can't stamp a1a1a1a1a1a1 and b2b2b2b2b2b2 together: a1a1a1a1a1a1 is below "
					+ "b2b2b2b2b2b2 (an ancestor or a dependency), so the version rows would overlap",
					"Hint: Stamp b2b2b2b2b2b2 alone (it implies a1a1a1a1a1a1), or name revisions on separate branches; "
							+ "nothing was written");
		assertThat(stamp.stdout()).isEmpty();
		assertThat(query("SELECT tablename FROM pg_tables WHERE tablename LIKE 'migrations_%'")).isEmpty();

		assertThat(this.migrations.run("stamp", "a1a1a1a1a1a1").exitCode()).isZero();
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			statement.execute("INSERT INTO migrations_version VALUES ('b2b2b2b2b2b2')");
		}
		for (List<String> command : List.of(List.of("upgrade", "heads"), List.of("check"),
				List.of("current", "--check-heads"))) {
			MigrationsJar.Result result = this.migrations.run(command);
			assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
			assertThat(result.errorLines()).as(result.toString())
				.containsExactly("FAILED: Requested revision b2b2b2b2b2b2 overlaps with other requested revisions "
						+ "a1a1a1a1a1a1 (the version table lists them all)",
						"Hint: The version table lists a revision together with one below it, as a stamp of both or "
								+ "an edit by hand leaves it; set it to the revisions the database is at, e.g. "
								+ "'migrations stamp --purge b2b2b2b2b2b2'");
		}
		assertThat(this.migrations.run("stamp", "--purge", "b2b2b2b2b2b2").exitCode()).isZero();
		assertThat(this.migrations.run("check").exitCode()).isZero();
	}

	@Test
	void downgradeRefusesAChangedAppliedScriptUnlessChecksumsAreNotValidated() throws IOException, SQLException {
		this.scripts.revision("a_base.sql", "1111aaaa2222", "");
		Path top = this.scripts.revision("b_top.sql", "2222bbbb3333", "1111aaaa2222");
		assertThat(this.migrations.run("upgrade", "head").exitCode()).isZero();
		Files.writeString(top, Files.readString(top).replace("DROP TABLE t_2222bbbb3333;", "DROP TABLE t_1111aaaa2222;"));
		String hint = "Hint: Restore the applied script(s) as they were and put the change in a new revision; or, if "
				+ "the edit is harmless, turn checksum validation off (command line: --no-validate-checksums; "
				+ "property: migrations.validate-checksums=false)";
		for (List<String> command : List.of(List.of("downgrade", "base"), List.of("downgrade", "-1"),
				List.of("upgrade", "head"))) {
			MigrationsJar.Result result = this.migrations.run(command);
			assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
			assertThat(result.errorLines()).as(result.toString()).hasSize(2);
			assertThat(result.errorLines().get(0)).as(result.toString())
				.startsWith("FAILED: Checksum mismatch: applied revision(s) changed since they were applied: "
						+ "2222bbbb3333 (")
				.contains("b_top.sql");
			assertThat(result.errorLines().get(1)).isEqualTo(hint);
			assertThat(result.stdout()).as(result.toString()).isEmpty();
		}
		assertThat(query("SELECT tablename FROM pg_tables WHERE tablename LIKE 't\\_%' ORDER BY 1"))
			.containsExactly("t_1111aaaa2222", "t_2222bbbb3333");
		MigrationsJar.Result lenient = this.migrations.run("--no-validate-checksums", "downgrade", "-1");
		assertThat(lenient.exitCode()).as(lenient.toString()).isZero();
		assertThat(lenient.lines()).containsExactly("Running downgrade 2222bbbb3333 -> 1111aaaa2222, revision 2222bbbb3333");
		assertThat(query("SELECT tablename FROM pg_tables WHERE tablename LIKE 't\\_%' ORDER BY 1"))
			.containsExactly("t_2222bbbb3333");
	}

	private List<String> query(String sql) throws SQLException {
		try (Connection connection = this.database.connect(); PreparedStatement statement = connection.prepareStatement(sql);
				ResultSet result = statement.executeQuery()) {
			List<String> values = new ArrayList<>();
			while (result.next()) {
				values.add(result.getString(1));
			}
			return values;
		}
	}

}
