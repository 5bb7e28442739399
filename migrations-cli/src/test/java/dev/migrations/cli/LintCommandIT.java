package dev.migrations.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.testing.PostgresDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code migrations lint} through the built jar: the text lines, JSON, SARIF, exit codes, ranges and ignores. */
class LintCommandIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String BASE = "1a1a1a1a1a1a";

	private static final String INDEX = "2b2b2b2b2b2b";

	private static final String INDEX_MESSAGE = "CREATE INDEX without CONCURRENTLY blocks writes to the table while "
			+ "the index builds";

	private static final String TIMEOUT_MESSAGE = "DDL on an existing table without a lock_timeout queues every "
			+ "query behind it while it waits for its lock";

	@TempDir
	Path directory;

	private MigrationsJar migrations;

	private Scripts scripts;

	@BeforeEach
	void writeBase() {
		this.migrations = MigrationsJar.in(this.directory);
		this.scripts = new Scripts(this.directory.resolve("migrations"));
		this.scripts.write("a_base.sql", Scripts.header(BASE, "")
				+ "-- migrate:upgrade\nCREATE TABLE notes (id bigint PRIMARY KEY, title text);\n");
	}

	private void writeIndexRevision(String comment) {
		this.scripts.write("b_index.sql", Scripts.header(INDEX, BASE) + "-- migrate:upgrade\n" + comment
				+ "CREATE INDEX notes_title ON notes (title);\n\n-- migrate:downgrade\nDROP INDEX notes_title;\n");
	}

	@Test
	void printsOneLinePerFindingAndASummaryAndExitsOneOnAnError() {
		writeIndexRevision("");
		MigrationsJar.Result lint = this.migrations.run("lint");
		assertThat(lint.exitCode()).as(lint.toString()).isEqualTo(1);
		assertThat(lint.lines()).containsExactly(
				"migrations/b_index.sql:6: error require-concurrent-index-creation: " + INDEX_MESSAGE,
				"migrations/b_index.sql:6: warning require-timeout-settings: " + TIMEOUT_MESSAGE,
				"Linted 2 revisions: 1 error, 1 warning.");
		assertThat(lint.stderr()).isEmpty();
	}

	@Test
	void exitsZeroWhenTheFindingsAreWarnings() {
		this.scripts.write("b_column.sql", Scripts.header(INDEX, BASE)
				+ "-- migrate:upgrade\nALTER TABLE notes ADD COLUMN author text;\n");
		MigrationsJar.Result lint = this.migrations.run("lint");
		assertThat(lint.exitCode()).as(lint.toString()).isZero();
		assertThat(lint.lines()).containsExactly(
				"migrations/b_column.sql:6: warning require-timeout-settings: " + TIMEOUT_MESSAGE,
				"Linted 2 revisions: 0 errors, 1 warning.");
	}

	@Test
	void aRangeLintsOnlyItsRevisions() {
		writeIndexRevision("");
		MigrationsJar.Result lint = this.migrations.run("lint", BASE + ":" + BASE);
		assertThat(lint.exitCode()).as(lint.toString()).isZero();
		assertThat(lint.lines()).containsExactly("Linted 1 revision: 0 errors, 0 warnings.");
	}

	@Test
	void writesOneJsonDocument() {
		writeIndexRevision("");
		for (List<String> args : List.of(List.of("lint", "--json"), List.of("lint", "--format", "json"))) {
			MigrationsJar.Result lint = this.migrations.run(args);
			assertThat(lint.exitCode()).as(lint.toString()).isEqualTo(1);
			assertThat(lint.lines()).hasSize(1);
			JsonNode document = JSON.readTree(lint.stdout());
			assertThat(document.get("errors").asInt()).isEqualTo(1);
			assertThat(document.get("warnings").asInt()).isEqualTo(1);
			assertThat(document.get("postgresVersion").asInt()).isEqualTo(18);
			JsonNode finding = document.get("findings").get(0);
			assertThat(finding.get("file").asString()).isEqualTo("migrations/b_index.sql");
			assertThat(finding.get("line").asInt()).isEqualTo(6);
			assertThat(finding.get("revision").asString()).isEqualTo(INDEX);
			assertThat(finding.get("severity").asString()).isEqualTo("error");
			assertThat(finding.get("rule").asString()).isEqualTo("require-concurrent-index-creation");
			assertThat(finding.get("message").asString()).isEqualTo(INDEX_MESSAGE);
		}
	}

	@Test
	void writesSarif() {
		writeIndexRevision("");
		MigrationsJar.Result lint = this.migrations.run("lint", "--format", "sarif");
		assertThat(lint.exitCode()).as(lint.toString()).isEqualTo(1);
		JsonNode log = JSON.readTree(lint.stdout());
		assertThat(log.get("version").asString()).isEqualTo("2.1.0");
		assertThat(log.get("$schema").asString()).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
		JsonNode run = log.get("runs").get(0);
		assertThat(run.get("tool").get("driver").get("rules").findValuesAsString("id"))
			.contains("require-concurrent-index-creation", "ban-drop-table", "ignore-without-reason");
		JsonNode result = run.get("results").get(0);
		assertThat(result.get("ruleId").asString()).isEqualTo("require-concurrent-index-creation");
		assertThat(result.get("level").asString()).isEqualTo("error");
		assertThat(result.get("message").get("text").asString()).isEqualTo(INDEX_MESSAGE);
		JsonNode location = result.get("locations").get(0).get("physicalLocation");
		assertThat(location.get("artifactLocation").get("uri").asString()).isEqualTo("migrations/b_index.sql");
		assertThat(location.get("region").get("startLine").asInt()).isEqualTo(6);
	}

	@Test
	void anIgnoreWithAReasonSilencesTheNextStatement() {
		writeIndexRevision("SET lock_timeout = '2s';\n"
				+ "-- lint: ignore require-concurrent-index-creation notes has ten rows, built in a millisecond\n");
		MigrationsJar.Result lint = this.migrations.run("lint");
		assertThat(lint.exitCode()).as(lint.toString()).isZero();
		assertThat(lint.lines()).containsExactly("Linted 2 revisions: 0 errors, 0 warnings.");
	}

	@Test
	void anIgnoreWithoutAReasonIsAFinding() {
		writeIndexRevision("-- lint: ignore require-concurrent-index-creation, require-timeout-settings\n");
		MigrationsJar.Result lint = this.migrations.run("lint");
		assertThat(lint.exitCode()).as(lint.toString()).isEqualTo(1);
		assertThat(lint.lines()).containsExactly("migrations/b_index.sql:6: error ignore-without-reason: "
				+ "A lint ignore must name the rules it silences and give the reason, as in "
				+ "'-- lint: ignore ban-drop-table <why>'", "Linted 2 revisions: 1 error, 0 warnings.");
	}

	@Test
	void aLintIgnoreHeaderSilencesTheWholeRevision() {
		this.scripts.write("b_index.sql", Scripts.header(INDEX, BASE,
				"Lint Ignore: require-concurrent-index-creation, require-timeout-settings tiny table")
				+ "-- migrate:upgrade\nCREATE INDEX a ON notes (title);\nCREATE INDEX b ON notes (id);\n");
		MigrationsJar.Result lint = this.migrations.run("lint");
		assertThat(lint.exitCode()).as(lint.toString()).isZero();
		assertThat(lint.lines()).containsExactly("Linted 2 revisions: 0 errors, 0 warnings.");
	}

	@Test
	void anImpossiblePostgresqlVersionIsOneLine() {
		writeIndexRevision("");
		MigrationsJar.Result lint = this.migrations.run("lint", "--pg-version", "5");
		assertThat(lint.exitCode()).as(lint.toString()).isEqualTo(1);
		assertThat(lint.errorLines()).containsExactly(
				"FAILED: The PostgreSQL version to lint for must be a major version, 9 or later, not 5",
				"Hint: Give the major version the revisions will run on, such as 16");
	}

	@Test
	void withADatabaseLintsThePendingRevisionsForItsVersion() throws SQLException {
		writeIndexRevision("");
		try (PostgresDatabase database = PostgresDatabase.create("cli_lint")) {
			MigrationsJar onDatabase = this.migrations.on(database);
			MigrationsJar.Result upgrade = onDatabase.run("upgrade", BASE);
			assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
			MigrationsJar.Result lint = onDatabase.run("lint", "--json");
			JsonNode document = JSON.readTree(lint.stdout());
			assertThat(document.get("revisions").toString()).isEqualTo("[\"" + INDEX + "\"]");
			try (Connection connection = database.connect()) {
				assertThat(document.get("postgresVersion").asInt())
					.isEqualTo(connection.getMetaData().getDatabaseMajorVersion());
			}
			MigrationsJar.Result forVersion = onDatabase.run("lint", "--pg-version", "10", "--json");
			assertThat(JSON.readTree(forVersion.stdout()).get("postgresVersion").asInt()).isEqualTo(10);
		}
	}

}
