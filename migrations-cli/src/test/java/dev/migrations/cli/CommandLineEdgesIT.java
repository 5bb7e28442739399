package dev.migrations.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.testing.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The edges of authoring and listing through the built jar: merges of revisions that are not heads, ranges typed the
 * wrong way, labels and ids the targets would misread, {@code init}'s directories, {@code --json} on success and on
 * failure, {@code branches -v} and file-name slugs.
 */
class CommandLineEdgesIT {

	@TempDir
	Path directory;

	private PostgresDatabase database;

	private MigrationsJar migrations;

	private Scripts scripts;

	@BeforeEach
	void createDatabase() {
		this.database = PostgresDatabase.create("cli_edges");
		this.migrations = MigrationsJar.in(this.directory).on(this.database);
		this.scripts = new Scripts(this.directory.resolve("migrations"));
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	/** a1 branches into b1 and b2, which c1 merges. */
	private void diamond() {
		this.scripts.revision("1_a.sql", "a1", "");
		this.scripts.revision("2_b.sql", "b1", "a1");
		this.scripts.revision("3_b.sql", "b2", "a1");
		this.scripts.revision("4_c.sql", "c1", "b1, b2");
	}

	private void line() {
		this.scripts.revision("1_a.sql", "a1", "");
		this.scripts.revision("2_b.sql", "b1", "a1");
		this.scripts.revision("3_c.sql", "c1", "b1");
	}

	@Test
	void mergeRefusesARevisionThatIsNotAHeadAndWritesNothing() throws IOException {
		this.scripts.revision("1_a.sql", "a1", "");
		this.scripts.revision("2_b.sql", "b1", "a1");
		this.scripts.revision("3_x.sql", "x1", "a1");
		MigrationsJar.Result result = this.migrations.run("merge", "a1", "b1", "-m", "bad merge");
		assertFailure(result, "Revision a1 is not a head revision; only heads can be merged");
		assertThat(result.errorLines().get(1)).isEqualTo(
				"Hint: Merge the heads: 'migrations merge heads -m \"merge\"', or name heads from 'migrations heads'");
		assertThat(scriptCount()).isEqualTo(3);
		assertThat(this.migrations.run("merge", "b1", "x1", "-m", "good merge").exitCode()).isZero();
		assertThat(this.migrations.run("heads").lines()).hasSize(1);
	}

	@Test
	void offlineDowngradeAcrossARevisionWithoutDowngradeSaysSo() {
		this.scripts.revision("1_a.sql", "a1", "");
		this.scripts.irreversible("2_b.sql", "b1", "a1");
		this.scripts.revision("3_c.sql", "c1", "b1");
		MigrationsJar.Result result = this.migrations.run("downgrade", "c1:base", "--sql");
		assertFailure(result, "Cannot downgrade revision b1 (migrations/2_b.sql): it has no downgrade section");
		assertThat(result.stdout()).isEmpty();
	}

	@Test
	void idsAndLabelsThatTargetsWouldMisreadAreRefusedAtLoadNamingFileAndLine() {
		this.scripts.revision("1_a.sql", "head", "");
		assertFailure(this.migrations.run("heads"),
				"migrations/1_a.sql:1: 'Revision ID' cannot be 'head': base, head and heads name targets");
		this.scripts.revision("1_a.sql", "a1", "", "Branch Labels: a@b");
		assertFailure(this.migrations.run("heads"), "migrations/1_a.sql:4: branch label 'a@b' is not valid");
		this.scripts.revision("1_a.sql", "a1", "");
		MigrationsJar.Result revision = this.migrations.run("revision", "-m", "x", "--head", "base",
				"--branch-label", "bad label");
		assertThat(revision.exitCode()).isEqualTo(1);
		assertThat(revision.errorLines().get(0)).startsWith("FAILED: Branch label 'bad label' is not valid");
	}

	@Test
	void rangesNameWhatTheUserTypedAndWhatIsWrong() {
		diamond();
		assertFailure(this.migrations.run("history", "-r", "-1:"),
				"Range '-1:' steps across a merge or branch point, where more than one revision is one step away (Ambiguous walk)");
		assertFailure(this.migrations.run("downgrade", "base:head", "--sql"),
				"Range 'base:head' runs the wrong way for downgrade: downgrade ranges go from the newer revision to the older one");
		MigrationsJar.Result upward = this.migrations.run("upgrade", "head:base", "--sql");
		assertFailure(upward, "Range 'head:base' runs the wrong way for upgrade");
		assertThat(upward.errorLines().get(1)).isEqualTo("Hint: Write it as 'base:head'");
		assertThat(upward.stdout()).isEmpty();
	}

	@Test
	void relativeRangesPastEitherEndSaySo() {
		line();
		assertFailure(this.migrations.run("history", "-r", "-5:"),
				"Range '-5:' counts past the first or the last revision (Can't locate revision identified by 'heads'");
		assertFailure(this.migrations.run("history", "-r", ":+5"),
				"Range ':+5' counts past the first or the last revision (Can't locate revision identified by 'base'");
		assertThat(this.migrations.run("history", "-r", "-1:").lines()).containsExactly("b1 -> c1 (head), revision c1",
				"a1 -> b1, revision b1");
	}

	@Test
	void initSuggestsACommandThatFindsTheNewDirectory() throws IOException {
		MigrationsJar.Result named = this.migrations.run("init", "db/scripts");
		assertThat(named.lines()).last()
			.isEqualTo("Write the first revision with: migrations --locations filesystem:db/scripts revision -m \"create tables\"");
		assertThat(this.migrations.run("--locations", "filesystem:db/scripts", "revision", "-m", "create tables")
			.exitCode()).isZero();
		MigrationsJar.Result located = this.migrations.run("--locations", "m2", "init");
		assertThat(this.directory.resolve("m2/README.md")).exists();
		assertThat(located.lines()).last()
			.isEqualTo("Write the first revision with: migrations --locations filesystem:m2 revision -m \"create tables\"");
		MigrationsJar.Result plain = this.migrations.run("init");
		assertThat(plain.lines()).last().isEqualTo("Write the first revision with: migrations revision -m \"create tables\"");
		Files.writeString(this.directory.resolve("afile"), "x");
		assertFailure(this.migrations.run("init", "afile"), "'afile' is a file, not a directory");
	}

	@Test
	void jsonMarksCurrentRevisionsAndPrintsFailuresAsADocument() {
		line();
		assertThat(this.migrations.run("upgrade", "b1").exitCode()).isZero();
		MigrationsJar.Result current = this.migrations.run("--json", "current");
		assertThat(current.stdout()).startsWith("{\"current\":[{\"revision\":\"b1\"").contains("\"current\":true")
			.doesNotContain("\"current\":false");
		MigrationsJar.Result failed = this.migrations.run("--json", "upgrade", "nosuch");
		assertThat(failed.exitCode()).isEqualTo(1);
		assertThat(failed.stdout().strip()).isEqualTo(
				"{\"error\":{\"kind\":\"revision-not-found\",\"message\":\"Can't locate revision identified by 'nosuch': "
						+ "No such revision or branch 'nosuch'\",\"hint\":\"Run 'migrations history' to list revisions; "
						+ "name one by its full id, a unique prefix of at least four characters, or a branch label\"}}");
		assertThat(failed.errorLines().get(0)).startsWith("FAILED: Can't locate revision identified by 'nosuch'");
	}

	@Test
	void branchesVerboseListsEachChildWithItsMessage() {
		diamond();
		assertThat(this.migrations.run("branches", "-v").lines()).contains("   -> b1, revision b1",
				"   -> b2, revision b2");
	}

	@Test
	void autogenerateIsExplainedAndSlugsKeepAccentedLetters() {
		this.scripts.revision("1_a.sql", "a1", "");
		MigrationsJar.Result autogenerate = this.migrations.run("revision", "--autogenerate", "-m", "x");
		assertFailure(autogenerate,
				"--autogenerate runs where the entities are, in the project's build: ./mvnw migrations:revision "
						+ "-Dmigrations.message=\"x\"");
		MigrationsJar.Result written = this.migrations.run("revision", "-m", "Ünïcödé café", "--rev-id", "u1");
		assertThat(written.exitCode()).as(written.toString()).isZero();
		assertThat(this.directory.resolve("migrations")).isDirectoryContaining((file) -> file.getFileName()
			.toString()
			.endsWith("_u1_unicode_cafe.sql"));
	}

	private long scriptCount() throws IOException {
		try (Stream<Path> files = Files.list(this.directory.resolve("migrations"))) {
			return files.count();
		}
	}

	private static void assertFailure(MigrationsJar.Result result, String cause) {
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.errorLines()).as(result.toString()).hasSize(2);
		assertThat(result.errorLines().get(0)).as(result.toString()).startsWith("FAILED: " + cause);
		assertThat(result.errorLines().get(1)).as(result.toString()).startsWith("Hint: ");
	}

}
