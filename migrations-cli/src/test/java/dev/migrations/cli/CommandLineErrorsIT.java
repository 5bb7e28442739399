package dev.migrations.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.testing.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each bad input of the engine through the built jar: exit code 1, {@code FAILED: <cause>} naming the file,
 * revision or value, one hint line, and no stack trace (unless {@code --debug}); usage errors exit 2.
 */
class CommandLineErrorsIT {

	@TempDir
	Path directory;

	private PostgresDatabase database;

	private MigrationsJar migrations;

	private Scripts scripts;

	@BeforeEach
	void createDatabase() {
		this.database = PostgresDatabase.create("cli_errors");
		this.migrations = MigrationsJar.in(this.directory).on(this.database);
		this.scripts = new Scripts(this.directory.resolve("migrations"));
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void duplicateRevisionIdNamesBothFiles() {
		this.scripts.revision("a_first.sql", "1111aaaa2222", "");
		this.scripts.revision("b_second.sql", "1111aaaa2222", "");
		assertFailure(this.migrations.run("heads"), "1111aaaa2222", "a_first.sql", "b_second.sql");
	}

	@Test
	void danglingRevisesNamesTheMissingRevisionAndTheFile() {
		this.scripts.revision("a_base.sql", "1111aaaa2222", "");
		this.scripts.revision("b_orphan.sql", "2222bbbb3333", "9999ffff0000");
		assertFailure(this.migrations.run("upgrade", "head"), "9999ffff0000", "b_orphan.sql");
	}

	@Test
	void cycleNamesTheRevisionsInIt() {
		this.scripts.revision("a_one.sql", "1c2c2c2c2c2c", "1c3c3c3c3c3c");
		this.scripts.revision("b_two.sql", "1c3c3c3c3c3c", "1c2c2c2c2c2c");
		assertFailure(this.migrations.run("history"), "1c2c2c2c2c2c", "1c3c3c3c3c3c");
	}

	@Test
	void duplicateBranchLabelNamesTheLabelAndBothRevisions() {
		this.scripts.revision("a_one.sql", "3a3a3a3a3a3a", "", "Branch Labels: dup");
		this.scripts.revision("b_two.sql", "3b3b3b3b3b3b", "", "Branch Labels: dup");
		assertFailure(this.migrations.run("heads"), "'dup'", "3a3a3a3a3a3a", "3b3b3b3b3b3b");
	}

	@Test
	void headerWithoutRevisionIdNamesTheFile() {
		this.scripts.write("a_no_id.sql", "-- Revises:\n-- Message: no id\n\n" + Scripts.upgrade("x"));
		assertFailure(this.migrations.run("heads"), "a_no_id.sql", "Revision ID");
	}

	@Test
	void missingUpgradeSectionNamesTheFile() {
		this.scripts.write("a_no_upgrade.sql", Scripts.header("1111aaaa2222", "") + "CREATE TABLE t (id int);\n");
		assertFailure(this.migrations.run("upgrade"), "a_no_upgrade.sql", "migrate:upgrade");
	}

	@Test
	void ambiguousPrefixNamesThePrefixAndTheRevisionsItMatches() {
		this.scripts.revision("a_one.sql", "ab12cd34ef56", "");
		this.scripts.revision("b_two.sql", "ab12ff00aa11", "");
		assertFailure(this.migrations.run("upgrade", "ab12"), "'ab12'", "ab12cd34ef56", "ab12ff00aa11");
	}

	@Test
	void unknownTargetIsNamedAsAlembicNamesIt() {
		this.scripts.revision("a_base.sql", "1111aaaa2222", "");
		assertFailure(this.migrations.run("upgrade", "ffffffffffff"),
				"Can't locate revision identified by 'ffffffffffff'");
	}

	@Test
	void headWithSeveralHeadsAsksForATarget() {
		this.scripts.revision("a_base.sql", "0a0a0a0a0a0a", "");
		this.scripts.revision("b_left.sql", "1a1a1a1a1a1a", "0a0a0a0a0a0a");
		this.scripts.revision("c_right.sql", "2b2b2b2b2b2b", "0a0a0a0a0a0a");
		MigrationsJar.Result result = this.migrations.run("upgrade", "head");
		assertFailure(result, "Multiple head revisions are present", "1a1a1a1a1a1a", "2b2b2b2b2b2b");
		assertThat(result.errorLines().get(1)).contains("heads");
	}

	@Test
	void downgradeAcrossAnIrreversibleRevisionFailsBeforeRunningAnything() {
		this.scripts.revision("a_base.sql", "1111aaaa2222", "");
		this.scripts.irreversible("b_one_way.sql", "2222bbbb3333", "1111aaaa2222");
		this.scripts.revision("c_top.sql", "3333cccc4444", "2222bbbb3333");
		assertThat(this.migrations.run("upgrade", "head").exitCode()).isZero();
		MigrationsJar.Result result = this.migrations.run("downgrade", "base");
		assertFailure(result, "2222bbbb3333");
		assertThat(result.stdout()).isEmpty();
		assertThat(this.migrations.run("current").lines()).containsExactly("3333cccc4444 (head)");
	}

	@Test
	void changedAppliedScriptFailsUpgradeAndCheckNamingTheRevision() throws IOException {
		Path base = this.scripts.revision("a_base.sql", "1111aaaa2222", "");
		assertThat(this.migrations.run("upgrade").exitCode()).isZero();
		Files.writeString(base, Files.readString(base).replace("(id integer primary key)", "(id bigint primary key)"));
		this.scripts.revision("b_next.sql", "2222bbbb3333", "1111aaaa2222");
		assertFailure(this.migrations.run("upgrade"), "1111aaaa2222");
		assertFailure(this.migrations.run("check"), "1111aaaa2222");
	}

	@Test
	void databaseAtAnUnknownRevisionSaysSoAndHintsAtStampPurge() throws SQLException {
		this.scripts.revision("a_base.sql", "1111aaaa2222", "");
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE migrations_version (version_num varchar(64) primary key)");
			statement.execute("INSERT INTO migrations_version VALUES ('feedface0000')");
		}
		MigrationsJar.Result result = this.migrations.run("current");
		assertFailure(result, "Can't locate revision identified by 'feedface0000'");
		assertThat(result.errorLines().get(1)).contains("stamp --purge");
		assertThat(this.migrations.run("heads").lines()).containsExactly("1111aaaa2222 (head)");
	}

	@Test
	void debugAddsTheStackTrace() {
		this.scripts.revision("a_base.sql", "1111aaaa2222", "");
		MigrationsJar.Result result = this.migrations.run("--debug", "upgrade", "ffffffffffff");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.stderr()).startsWith("FAILED: Can't locate revision identified by 'ffffffffffff'")
			.contains("\tat ");
	}

	@Test
	void unreachableDatabaseIsOneLineNamingHostAndPortWithinTenSeconds() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		this.scripts.revision("a_base.sql", "1111aaaa2222", "");
		MigrationsJar offline = MigrationsJar.in(this.directory);
		MigrationsJar.Result jdbc = offline.run("--url", "jdbc:postgresql://127.0.0.1:" + port + "/app", "current");
		assertFailure(jdbc, "127.0.0.1:" + port);
		assertThat(jdbc.errorLines().get(1)).contains("127.0.0.1:" + port);
		assertThat(jdbc.elapsed()).isLessThan(Duration.ofSeconds(10));
		MigrationsJar.Result guideForm = offline.run("--url", "postgresql://app:secret@127.0.0.1:" + port + "/app",
				"upgrade", "head");
		assertFailure(guideForm, "127.0.0.1:" + port);
		assertThat(guideForm.stderr()).doesNotContain("secret");
	}

	@Test
	void usageErrorsExitWithTwo() {
		for (String[] args : new String[][] { { "downgrade" }, { "upgrade", "--bogus" }, { "frobnicate" },
				{ "stamp" }, { "--url" } }) {
			MigrationsJar.Result result = this.migrations.run(args);
			assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
			assertThat(result.stderr()).as(result.toString()).startsWith("Error: ").doesNotContain("\tat ");
		}
	}

	private static void assertFailure(MigrationsJar.Result result, String... named) {
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.errorLines()).as(result.toString()).hasSize(2);
		assertThat(result.errorLines().get(0)).as(result.toString()).startsWith("FAILED: ").contains(named);
		assertThat(result.errorLines().get(1)).as(result.toString()).startsWith("Hint: ");
	}

}
