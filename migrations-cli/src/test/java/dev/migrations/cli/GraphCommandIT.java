package dev.migrations.cli;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.conformance.Corpus;
import dev.migrations.testing.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code history --graph} and {@code graph --format dot|mermaid} through the built jar, on the corpus's 2-way
 * merge: without a database (no current marks, nothing read) and on real PostgreSQL (current and pending).
 */
class GraphCommandIT {

	@TempDir
	Path directory;

	private PostgresDatabase database;

	@BeforeEach
	void writeScripts() {
		Corpus.load()
			.scenarios()
			.stream()
			.filter((scenario) -> scenario.name().equals("13_merge_2way"))
			.forEach((scenario) -> Corpus.writeScripts(scenario, this.directory.resolve("migrations")));
		this.database = PostgresDatabase.create("cli_graph");
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void graphAndHistoryHaveHelpWithAnExample() {
		MigrationsJar migrations = MigrationsJar.in(this.directory);
		for (String command : List.of("graph", "history")) {
			MigrationsJar.Result help = migrations.run(command, "--help");
			assertThat(help.exitCode()).as(command).isZero();
			assertThat(help.stdout()).as(command)
				.startsWith("Usage: migrations " + command)
				.containsPattern("Examples?:\\R  migrations ");
		}
		assertThat(migrations.run("--help").stdout()).contains("  graph ");
	}

	@Test
	void historyGraphWithoutADatabaseDrawsTheScripts() {
		MigrationsJar.Result graph = MigrationsJar.in(this.directory).run("history", "--graph");
		assertThat(graph.exitCode()).as(graph.toString()).isZero();
		assertThat(graph.stdout()).isEqualTo("""
				* dddd55556666 (head), after merge
				* cccc33334444, merge a and b
				|\\
				* | aaaa11112222, branch a
				| * bbbb11112222, branch b
				|/
				* 0f0f0f0f0f0f, base
				""");
		assertThat(graph.stderr()).isEmpty();
	}

	@Test
	void historyGraphMarksTheCurrentRevisionsAndTakesARange() {
		MigrationsJar migrations = MigrationsJar.in(this.directory).on(this.database);
		assertThat(migrations.run("upgrade", "aaaa11112222").exitCode()).isZero();
		MigrationsJar.Result graph = migrations.run("history", "--graph", "--unicode", "-r", "aaaa11112222:");
		assertThat(graph.exitCode()).as(graph.toString()).isZero();
		assertThat(graph.stdout()).isEqualTo("""
				● dddd55556666 (head), after merge
				● cccc33334444, merge a and b
				● aaaa11112222 (current), branch a
				""");
	}

	@Test
	void graphStylesCurrentAndPendingRevisionsWhenADatabaseIsConfigured() {
		MigrationsJar migrations = MigrationsJar.in(this.directory).on(this.database);
		assertThat(migrations.run("upgrade", "aaaa11112222").exitCode()).isZero();
		MigrationsJar.Result mermaid = migrations.run("graph", "--format", "mermaid");
		assertThat(mermaid.exitCode()).as(mermaid.toString()).isZero();
		assertThat(mermaid.stdout()).startsWith("graph BT\n  r0[\"dddd55556666<br/>after merge\"]\n")
			.contains("\n  r4 --> r2\n", "\n  class r0 head\n", "\n  class r2 current\n",
					"\n  class r0,r1,r3 pending\n");
		MigrationsJar.Result dot = migrations.run("graph", "--format", "dot", "-r", "cccc33334444:");
		assertThat(dot.exitCode()).as(dot.toString()).isZero();
		assertThat(dot.stdout()).isEqualTo("""
				digraph migrations {
				  rankdir=BT;
				  node [shape=box, style="rounded", fontname="Helvetica"];
				  "dddd55556666" [label="dddd55556666\\nafter merge", penwidth=2, color="#888888", fontcolor="#666666", style="rounded,dashed"];
				  "cccc33334444" [label="cccc33334444\\nmerge a and b", color="#888888", fontcolor="#666666", style="rounded,dashed"];
				  "cccc33334444" -> "dddd55556666";
				}
				""");
	}

	@Test
	void graphWithoutADatabaseStylesNothingAsPending() {
		MigrationsJar.Result mermaid = MigrationsJar.in(this.directory).run("graph", "--format", "mermaid");
		assertThat(mermaid.exitCode()).as(mermaid.toString()).isZero();
		assertThat(mermaid.stdout()).doesNotContain(" current\n", " pending\n").contains("\n  class r0 head\n");
	}

	@Test
	void graphNeedsAKnownFormatAndHistoryGraphDrawsText() {
		MigrationsJar migrations = MigrationsJar.in(this.directory);
		MigrationsJar.Result svg = migrations.run("graph", "--format", "svg");
		assertThat(svg.exitCode()).isEqualTo(2);
		assertThat(svg.stderr()).contains("Invalid value for option '--format': expected one of [dot, mermaid]");
		MigrationsJar.Result json = migrations.run("history", "--graph", "--json");
		assertThat(json.exitCode()).isEqualTo(2);
		assertThat(json.stderr())
			.contains("--graph draws text: leave out --json, or use 'migrations graph --format dot|mermaid'");
		MigrationsJar.Result unicode = migrations.run("history", "--unicode");
		assertThat(unicode.exitCode()).isEqualTo(2);
		assertThat(unicode.stderr()).contains("--unicode is for the graph: add --graph");
	}

}
