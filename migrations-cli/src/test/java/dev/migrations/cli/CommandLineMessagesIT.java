package dev.migrations.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.testing.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the built jar says about a bad header, a bad or unrelated database URL, and what it shows of a URL: one
 * {@code FAILED:} line naming the file or setting, one hint, and never a password.
 */
class CommandLineMessagesIT {

	private static final String MALFORMED = "FAILED: Malformed database URL in --url: special characters in the"
			+ " user name or password must be percent-encoded";

	private static final String PRIVILEGE = "The database user lacks a privilege this needs (the message names the"
			+ " object): grant it, or run migrations as a user that owns the schema";

	@TempDir
	Path directory;

	@Test
	void misspelledHeaderKeyNamesFileLineAndTheKeyMeant() {
		Scripts scripts = new Scripts(this.directory.resolve("migrations"));
		scripts.revision("a_base.sql", "1111aaaa2222", "");
		scripts.write("b_next.sql", "-- Revision ID: 2222bbbb3333\n-- Revise: 1111aaaa2222\n\n"
				+ Scripts.upgrade("2222bbbb3333"));
		MigrationsJar.Result result = MigrationsJar.in(this.directory).run("heads");
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.errorLines()).as(result.toString()).hasSize(2);
		assertThat(result.errorLines().get(0)).as(result.toString())
			.startsWith("FAILED: ")
			.endsWith("b_next.sql:2: unknown header key 'Revise': did you mean 'Revises'?");
	}

	@Test
	void invalidApplicationYamlNamesFileAndLine() throws IOException {
		Path resources = Files.createDirectories(this.directory.resolve("src/main/resources"));
		Files.writeString(resources.resolve("application.yml"),
				"spring:\n  datasource:\n    url: jdbc:h2:mem:app\n   username: sa\n");
		new Scripts(resources.resolve("db/migrations")).revision("a_base.sql", "1111aaaa2222", "");
		MigrationsJar.Result result = MigrationsJar.in(this.directory).run("heads");
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.errorLines()).as(result.toString()).hasSize(2);
		assertThat(result.errorLines().get(0)).as(result.toString())
			.startsWith("FAILED: Invalid YAML in src/main/resources/application.yml at line 4, column ");
		assertThat(result.errorLines().get(1)).as(result.toString())
			.startsWith("Hint: Fix that line: indent with spaces, not tabs");
	}

	@Test
	void passwordWithUnencodedSpecialCharactersIsOneLineWithoutAnyOfIt() {
		new Scripts(this.directory.resolve("migrations")).revision("a_base.sql", "1111aaaa2222", "");
		MigrationsJar migrations = MigrationsJar.in(this.directory);
		for (String url : List.of("postgresql://postgres:pa%ss@127.0.0.1:5432/db",
				"postgresql://postgres:p@ss@127.0.0.1:5432/db", "postgresql://postgres:p@ss:w/rd@127.0.0.1:5432/db")) {
			MigrationsJar.Result result = migrations.run("--url", url, "upgrade", "head");
			assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
			assertThat(result.errorLines()).as(result.toString())
				.containsExactly(MALFORMED, "Hint: Write @ as %40, / as %2F, : as %3A, ? as %3F, # as %23 and % as"
						+ " %25: p@ss/w:rd is written p%40ss%2Fw%3Ard");
		}
	}

	@Test
	void driverLoggingNeverReachesTheTerminal() {
		new Scripts(this.directory.resolve("migrations")).revision("a_base.sql", "1111aaaa2222", "");
		MigrationsJar.Result result = MigrationsJar.in(this.directory)
			.run("--url", "jdbc:postgresql://127.0.0.1:5432:w/rd@127.0.0.1/db", "current");
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.errorLines()).as(result.toString()).hasSize(2);
		assertThat(result.stderr()).as(result.toString()).doesNotContain("WARNING").doesNotContain("org.postgresql");
	}

	@Test
	void h2PasswordIsMaskedInCurrentVerbose() {
		new Scripts(this.directory.resolve("migrations")).revision("a_base.sql", "1111aaaa2222", "");
		String url = "jdbc:h2:file:" + this.directory.resolve("db").toAbsolutePath() + ";USER=sa;PASSWORD=topsecret";
		MigrationsJar migrations = MigrationsJar.in(this.directory);
		assertThat(migrations.run("--url", url, "upgrade", "head").exitCode()).isZero();
		MigrationsJar.Result result = migrations.run("--url", url, "current", "-v");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.lines().get(0)).isEqualTo("Current revision(s) for jdbc:h2:file:"
				+ this.directory.resolve("db").toAbsolutePath() + ";USER=sa;PASSWORD=****:");
		assertThat(result.stdout() + result.stderr()).doesNotContain("topsecret");
	}

	@Test
	void commandsThatNeedNoDatabaseIgnoreAnUnrelatedDatabaseUrl() {
		Scripts scripts = new Scripts(this.directory.resolve("migrations"));
		scripts.revision("a_base.sql", "1111aaaa2222", "");
		scripts.revision("b_next.sql", "2222bbbb3333", "1111aaaa2222");
		MigrationsJar migrations = MigrationsJar.in(this.directory).with("DATABASE_URL", "mysql://u:p@host/db");
		for (List<String> command : List.of(List.of("heads"), List.of("history"), List.of("branches"),
				List.of("show", "1111aaaa2222"), List.of("upgrade", "1111aaaa2222:2222bbbb3333", "--sql"),
				List.of("upgrade", "head", "--sql"), List.of("revision", "-m", "third"))) {
			MigrationsJar.Result result = migrations.run(command);
			assertThat(result.exitCode()).as(result.toString()).isZero();
		}
		MigrationsJar.Result current = migrations.run("current");
		assertThat(current.exitCode()).as(current.toString()).isEqualTo(1);
		assertThat(current.errorLines().get(0)).as(current.toString())
			.isEqualTo("FAILED: Unsupported database URL scheme 'mysql' in DATABASE_URL");
		MigrationsJar.Result malformed = MigrationsJar.in(this.directory)
			.with("DATABASE_URL", "postgresql://u:p@ss@host/db")
			.run("history", "-i");
		assertThat(malformed.errorLines()).as(malformed.toString())
			.first()
			.isEqualTo(MALFORMED.replace("--url", "DATABASE_URL"));
	}

	@Test
	void readOnlyRoleGetsThePrivilegeHintNamingTheStatementOrTable() throws SQLException {
		Scripts scripts = new Scripts(this.directory.resolve("migrations"));
		scripts.revision("a_base.sql", "1111aaaa2222", "");
		scripts.revision("b_next.sql", "2222bbbb3333", "1111aaaa2222");
		String role = "ro_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
		try (PostgresDatabase database = PostgresDatabase.create("cli_messages")) {
			MigrationsJar owner = MigrationsJar.in(this.directory).on(database);
			assertThat(owner.run("upgrade", "head").exitCode()).isZero();
			execute(database, "CREATE ROLE " + role + " LOGIN PASSWORD 'x'",
					"GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + role);
			try {
				MigrationsJar readOnly = owner.with("MIGRATIONS_USER", role).with("MIGRATIONS_PASSWORD", "x");
				MigrationsJar.Result downgrade = readOnly.run("downgrade", "-1");
				assertThat(downgrade.exitCode()).as(downgrade.toString()).isEqualTo(1);
				assertThat(downgrade.errorLines()).as(downgrade.toString()).hasSize(2);
				assertThat(downgrade.errorLines().get(0)).as(downgrade.toString())
					.contains("b_next.sql:")
					.contains("must be owner of table t_2222bbbb3333")
					.contains("[statement: DROP TABLE t_2222bbbb3333]");
				assertThat(downgrade.errorLines().get(1)).isEqualTo("Hint: " + PRIVILEGE
						+ "; this revision was rolled back");
				MigrationsJar.Result stamp = readOnly.run("stamp", "1111aaaa2222");
				assertThat(stamp.errorLines()).as(stamp.toString())
					.containsExactly("FAILED: Could not run the migration: ERROR: permission denied for table"
							+ " migrations_version", "Hint: " + PRIVILEGE);
				assertThat(owner.run("current").lines()).containsExactly("2222bbbb3333 (head)");
			}
			finally {
				execute(database, "DROP OWNED BY " + role, "DROP ROLE " + role);
			}
		}
	}

	@Test
	void versionTableThatIsNotOneIsNamedAsSuch() {
		new Scripts(this.directory.resolve("migrations")).revision("a_base.sql", "1111aaaa2222", "");
		try (PostgresDatabase database = PostgresDatabase.create("cli_messages")) {
			MigrationsJar migrations = MigrationsJar.in(this.directory).on(database);
			assertThat(migrations.run("upgrade", "head").exitCode()).isZero();
			MigrationsJar.Result history = migrations.run("--version-table", "migrations_history", "current");
			assertThat(history.errorLines()).as(history.toString())
				.containsExactly("FAILED: The version table and the history table are both named 'migrations_history'",
						"Hint: Give them different names: --version-table and --history-table"
								+ " (migrations.version-table, migrations.history-table); the defaults are"
								+ " migrations_version and migrations_history");
			MigrationsJar.Result other = migrations.run("--version-table", "t_1111aaaa2222", "current");
			assertThat(other.errorLines()).as(other.toString())
				.containsExactly("FAILED: Could not read the migration state: ERROR: column \"version_num\" does not"
						+ " exist Position: 8",
						"Hint: The table is not one of this tool's: check that --version-table and --history-table"
								+ " (migrations.version-table, migrations.history-table) name the tables this tool"
								+ " created");
		}
	}

	private static void execute(PostgresDatabase database, String... statements) throws SQLException {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

}
