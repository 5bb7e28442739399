package dev.migrations.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.testing.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands through the built jar on real PostgreSQL: authoring ({@code init}, {@code revision}, {@code merge}),
 * running and reading, {@code --json}, {@code --sql} without a database, help, and configuration from a Spring
 * Boot project.
 */
class CommandLineIT {

	private static final Pattern GENERATED = Pattern.compile("Generating (.+) \\.\\.\\.  done");

	@TempDir
	Path directory;

	private PostgresDatabase database;

	private MigrationsJar migrations;

	@BeforeEach
	void createDatabase() {
		this.database = PostgresDatabase.create("cli_commands");
		this.migrations = MigrationsJar.in(this.directory).on(this.database);
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void everyCommandHasHelpWithAnExample() {
		for (String command : List.of("init", "revision", "upgrade", "downgrade", "current", "history", "heads",
				"branches", "show", "stamp", "repair", "merge", "check", "graph", "lint")) {
			MigrationsJar.Result help = this.migrations.run(command, "--help");
			assertThat(help.exitCode()).as(command).isZero();
			assertThat(help.stdout()).as(command)
				.startsWith("Usage: migrations " + command)
				.containsPattern("Examples?:\\R  migrations ");
		}
	}

	@Test
	void writesRevisionsThatUpgradeDowngradeAndListAsAlembicDoes() throws IOException {
		MigrationsJar.Result init = this.migrations.run("init");
		assertThat(init.exitCode()).as(init.toString()).isZero();
		assertThat(this.directory.resolve("migrations")).isDirectory();

		Path first = generated(this.migrations.run("revision", "-m", "Create users table"));
		assertThat(first.getFileName().toString()).matches("\\d{8}_\\d{4}_[0-9a-f]{12}_create_users_table\\.sql");
		assertThat(first.getParent()).isEqualTo(this.directory.resolve("migrations").toAbsolutePath().normalize());
		String firstId = first.getFileName().toString().substring(14, 26);
		assertThat(Files.readString(first)).contains("-- Revision ID: " + firstId, "-- Message: Create users table",
				"-- migrate:upgrade", "-- migrate:downgrade");
		Files.writeString(first, Files.readString(first)
			.replace("-- migrate:upgrade\n", "-- migrate:upgrade\nCREATE TABLE users (id integer primary key);\n")
			.replace("-- migrate:downgrade\n", "-- migrate:downgrade\nDROP TABLE users;\n"));

		Path second = generated(this.migrations.run("revision", "-m", "add email", "--rev-id", "2b2b2b2b2b2b"));
		assertThat(Files.readString(second)).contains("-- Revises: " + firstId);

		MigrationsJar.Result upgrade = this.migrations.run("upgrade", "head");
		assertThat(upgrade.lines()).containsExactly("Running upgrade  -> " + firstId + ", Create users table",
				"Running upgrade " + firstId + " -> 2b2b2b2b2b2b, add email");
		assertThat(this.migrations.run("current").lines()).containsExactly("2b2b2b2b2b2b (head)");
		assertThat(this.migrations.run("history").lines()).containsExactly(
				firstId + " -> 2b2b2b2b2b2b (head), add email", "<base> -> " + firstId + ", Create users table");
		assertThat(this.migrations.run("check").exitCode()).isZero();
		assertThat(this.migrations.run("current", "--check-heads").exitCode()).isZero();

		MigrationsJar.Result downgrade = this.migrations.run("downgrade", "-1");
		assertThat(downgrade.lines()).containsExactly("Running downgrade 2b2b2b2b2b2b -> " + firstId + ", add email");
		assertThat(this.migrations.run("current", "--check-heads").exitCode()).isEqualTo(1);
		MigrationsJar.Result check = this.migrations.run("check");
		assertThat(check.exitCode()).isEqualTo(1);
		assertThat(check.errorLines().get(0)).contains("2b2b2b2b2b2b");
		assertThat(rows()).containsExactly(firstId);
	}

	@Test
	void revisionBranchesOnlyWhenToldAndMergeJoinsTheHeads() throws IOException {
		Scripts scripts = new Scripts(this.directory.resolve("migrations"));
		scripts.revision("a_base.sql", "0a0a0a0a0a0a", "");
		scripts.revision("b_next.sql", "1b1b1b1b1b1b", "0a0a0a0a0a0a");
		MigrationsJar.Result notAHead = this.migrations.run("revision", "-m", "reporting", "--head", "0a0a0a0a0a0a");
		assertThat(notAHead.exitCode()).as(notAHead.toString()).isEqualTo(1);
		assertThat(notAHead.stderr()).contains("0a0a0a0a0a0a").contains("--splice");

		Path branch = generated(this.migrations.run("revision", "-m", "reporting", "--head", "0a0a0a0a0a0a",
				"--splice", "--branch-label", "reporting", "--rev-id", "5e5e5e5e5e5e"));
		assertThat(Files.readString(branch)).contains("-- Revises: 0a0a0a0a0a0a", "-- Branch Labels: reporting");
		assertThat(this.migrations.run("heads").lines()).containsExactlyInAnyOrder("1b1b1b1b1b1b (head)",
				"5e5e5e5e5e5e (reporting) (head)");

		MigrationsJar.Result refused = this.migrations.run("revision", "-m", "third");
		assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
		assertThat(refused.errorLines()).containsExactly(
				"FAILED: Multiple heads are present; please specify the head revision on which the new revision "
						+ "should be based, or perform a merge.",
				"Hint: Pass --head with one of 5e5e5e5e5e5e, 1b1b1b1b1b1b, or join them with "
						+ "'migrations merge heads -m \"merge heads\"'");

		Path merge = generated(this.migrations.run("merge", "heads", "-m", "merge migration heads"));
		assertThat(Files.readString(merge)).contains("1b1b1b1b1b1b", "5e5e5e5e5e5e");
		assertThat(this.migrations.run("heads").lines())
			.containsExactly(mergeId(merge) + " (reporting) (head)");
		assertThat(this.migrations.run("upgrade").lines()).hasSize(4);
		List<String> branches = this.migrations.run("branches").lines();
		assertThat(branches).hasSize(4);
		assertThat(branches.get(0)).isEqualTo("0a0a0a0a0a0a (branchpoint)");
		assertThat(branches.subList(1, 3)).containsExactlyInAnyOrder("             -> 1b1b1b1b1b1b",
				"             -> 5e5e5e5e5e5e (reporting)");
	}

	@Test
	void jsonOnReadCommandsIsOneDocument() {
		Scripts scripts = new Scripts(this.directory.resolve("migrations"));
		scripts.revision("a_base.sql", "1111aaaa2222", "");
		scripts.revision("b_next.sql", "2222bbbb3333", "1111aaaa2222", "Branch Labels: core");
		MigrationsJar.Result upgrade = this.migrations.run("--json", "upgrade", "1111aaaa2222");
		assertThat(upgrade.lines()).containsExactly("{\"before\":[],\"steps\":[{\"operation\":\"upgrade\","
				+ "\"revision\":\"1111aaaa2222\",\"from\":[],\"to\":[\"1111aaaa2222\"],"
				+ "\"line\":\"Running upgrade  -> 1111aaaa2222, revision 1111aaaa2222\"}],\"after\":[\"1111aaaa2222\"]}");
		for (String command : List.of("current", "heads", "branches", "history", "check")) {
			MigrationsJar.Result result = this.migrations.run(command, "--json");
			assertThat(result.lines()).as(result.toString()).hasSize(1);
			assertThat(result.stdout()).as(command).startsWith("{").endsWith("}\n");
		}
		assertThat(this.migrations.run("heads", "--json").stdout()).startsWith(
				"{\"heads\":[{\"revision\":\"2222bbbb3333\",\"revises\":[\"1111aaaa2222\"],\"message\":\"revision 2222bbbb3333\","
						+ "\"branchLabels\":[\"core\"]");
		assertThat(this.migrations.run("show", "2222", "--json").stdout()).startsWith("{\"revisions\":[{\"revision\":\"2222bbbb3333\"");
		assertThat(this.migrations.run("check", "--json").stdout()).startsWith("{\"ok\":false,\"current\":[\"1111aaaa2222\"]");
	}

	@Test
	void sqlForARangeNeedsNoDatabase() {
		Scripts scripts = new Scripts(this.directory.resolve("migrations"));
		scripts.revision("a_base.sql", "1111aaaa2222", "");
		scripts.revision("b_next.sql", "2222bbbb3333", "1111aaaa2222");
		MigrationsJar offline = MigrationsJar.in(this.directory);
		MigrationsJar.Result upgrade = offline.run("upgrade", "base:2222bbbb3333", "--sql");
		assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
		assertThat(upgrade.stdout()).containsSubsequence("CREATE TABLE t_1111aaaa2222", "migrations_version",
				"CREATE TABLE t_2222bbbb3333", "2222bbbb3333");
		MigrationsJar.Result downgrade = offline.run("downgrade", "2222bbbb3333:base", "--sql");
		assertThat(downgrade.exitCode()).as(downgrade.toString()).isZero();
		assertThat(downgrade.stdout()).containsSubsequence("DROP TABLE t_2222bbbb3333", "DROP TABLE t_1111aaaa2222");
		assertThat(this.migrations.run("current").lines()).isEmpty();
	}

	@Test
	void stampPurgeRecoversFromAnUnknownRevision() throws SQLException {
		new Scripts(this.directory.resolve("migrations")).revision("a_base.sql", "1111aaaa2222", "");
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE migrations_version (version_num varchar(64) primary key)");
			statement.execute("INSERT INTO migrations_version VALUES ('7cc1a1bbfedb')");
		}
		assertThat(this.migrations.run("current").exitCode()).isEqualTo(1);
		MigrationsJar.Result stamp = this.migrations.run("stamp", "--purge", "base");
		assertThat(stamp.exitCode()).as(stamp.toString()).isZero();
		assertThat(this.migrations.run("upgrade", "head").lines())
			.containsExactly("Running upgrade  -> 1111aaaa2222, revision 1111aaaa2222");
	}

	@Test
	void springBootProjectConfigurationServesTheCommand() throws IOException {
		Path resources = Files.createDirectories(this.directory.resolve("src/main/resources"));
		Files.writeString(resources.resolve("application.yml"), """
				spring:
				  datasource:
				    url: %s
				    username: %s
				migrations:
				  version-table: app_version
				""".formatted(this.database.jdbcUrl(), this.database.user()));
		MigrationsJar project = MigrationsJar.in(this.directory);
		assertThat(project.run("init").exitCode()).isZero();
		new Scripts(resources.resolve("db/migrations")).revision("a_base.sql", "1111aaaa2222", "");
		MigrationsJar.Result upgrade = project.run("upgrade");
		assertThat(upgrade.lines()).as(upgrade.toString())
			.containsExactly("Running upgrade  -> 1111aaaa2222, revision 1111aaaa2222");
		assertThat(rows("app_version")).containsExactly("1111aaaa2222");
	}

	@Test
	void profileChoosesTheProjectsDatabase() throws IOException {
		Path resources = Files.createDirectories(this.directory.resolve("src/main/resources"));
		Files.writeString(resources.resolve("application.yml"), """
				spring.datasource.url: jdbc:h2:mem:never-used
				---
				spring:
				  config.activate.on-profile: postgres
				  datasource:
				    url: %s
				    username: %s
				""".formatted(this.database.jdbcUrl(), this.database.user()));
		new Scripts(resources.resolve("db/migrations")).revision("a_base.sql", "1111aaaa2222", "");
		MigrationsJar.Result upgrade = MigrationsJar.in(this.directory).run("--profile", "postgres", "upgrade");
		assertThat(upgrade.lines()).as(upgrade.toString())
			.containsExactly("Running upgrade  -> 1111aaaa2222, revision 1111aaaa2222");
		assertThat(rows()).containsExactly("1111aaaa2222");
	}

	@Test
	void postgresqlUrlOfTheGuidesConnects() {
		new Scripts(this.directory.resolve("migrations")).revision("a_base.sql", "1111aaaa2222", "");
		String url = this.database.jdbcUrl().replaceFirst("^jdbc:postgresql://", "postgresql+psycopg2://"
				+ this.database.user() + ((this.database.password() != null) ? ":" + this.database.password() : "") + "@");
		MigrationsJar.Result upgrade = MigrationsJar.in(this.directory).run("--url", url, "upgrade");
		assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
		assertThat(rows()).containsExactly("1111aaaa2222");
	}

	private Path generated(MigrationsJar.Result result) {
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.lines()).as(result.toString()).hasSize(1);
		Matcher matcher = GENERATED.matcher(result.lines().get(0));
		assertThat(matcher.matches()).as(result.toString()).isTrue();
		Path path = Path.of(matcher.group(1));
		assertThat(path).isAbsolute().isRegularFile();
		return path;
	}

	private static String mergeId(Path merge) {
		return merge.getFileName().toString().substring(14, 26);
	}

	private List<String> rows() {
		return rows("migrations_version");
	}

	private List<String> rows(String table) {
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT version_num FROM " + table)) {
			List<String> rows = new ArrayList<>();
			while (result.next()) {
				rows.add(result.getString(1));
			}
			return rows;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
