package dev.migrations.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The goals' {@code -D} properties of contract §8 that choose what they print: {@code migrations.format} of
 * {@code lint} and {@code graph}, {@code migrations.verbose} of {@code history}, {@code heads} and {@code current},
 * and {@code migrations.range} of {@code graph}. Each prints what the command line prints for the same options;
 * {@code migrations.output} of {@code graph} and {@code lint} writes the same text to a file instead, as it is.
 */
class OutputGoalsTest {

	@TempDir
	Path project;

	@BeforeEach
	void writeRevisions() throws IOException {
		Path scripts = Files.createDirectories(this.project.resolve("src/main/resources/db/migrations"));
		Files.writeString(scripts.resolve("20261201_1000_1a2b3c4d5e6f_create_notes.sql"), """
				-- Revision ID: 1a2b3c4d5e6f
				-- Revises:
				-- Message: create notes

				-- migrate:upgrade
				CREATE TABLE notes (id bigint PRIMARY KEY, title varchar(200) NOT NULL);

				-- migrate:downgrade
				DROP TABLE notes;
				""");
		Files.writeString(scripts.resolve("20261201_1100_2b3c4d5e6f7a_index_titles.sql"), """
				-- Revision ID: 2b3c4d5e6f7a
				-- Revises: 1a2b3c4d5e6f
				-- Message: index titles

				-- migrate:upgrade
				CREATE INDEX notes_title_idx ON notes (title);

				-- migrate:downgrade
				DROP INDEX notes_title_idx;
				""");
	}

	@Test
	void lintPrintsTheCommandLinesJsonDocumentAndStillFailsOnAnError() {
		GoalRun run = GoalRun.of(new LintMojo(), this.project, Map.of("format", "json"));
		assertThat(run.lines()).hasSize(1);
		assertThat(run.info()).startsWith("{\"findings\":[{\"file\":")
			.contains("\"line\":6,\"revision\":\"2b3c4d5e6f7a\",\"severity\":\"error\","
					+ "\"rule\":\"require-concurrent-index-creation\",\"message\":")
			.contains("\"revisions\":[\"1a2b3c4d5e6f\",\"2b3c4d5e6f7a\"]")
			.endsWith(",\"errors\":1,\"warnings\":2}");
		assertThat(run.failure()).hasMessageStartingWith("Linted 2 revisions: 1 error");
	}

	@Test
	void lintPrintsSarifAndTextAsTheCommandLine() {
		assertThat(GoalRun.of(new LintMojo(), this.project, Map.of("format", "sarif")).info())
			.startsWith("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",")
			.contains("\"ruleId\":\"require-concurrent-index-creation\",\"level\":\"error\"");
		assertThat(GoalRun.of(new LintMojo(), this.project, Map.of("format", "text")).lines())
			.anySatisfy((line) -> assertThat(line)
				.matches("\\[ERROR\\] .*20261201_1100_2b3c4d5e6f7a_index_titles\\.sql:6: error "
						+ "require-concurrent-index-creation: .*"))
			.contains("[INFO] Linted 2 revisions: 1 error, 2 warnings.");
	}

	@Test
	void lintWritesItsReportToTheOutputFileThenStillFailsOnAnError() throws IOException {
		for (String format : List.of("sarif", "json", "text")) {
			Path file = this.project.resolve("target/lint/migrations." + format);
			GoalRun run = GoalRun.of(new LintMojo(), this.project, Map.of("format", format, "output", file.toFile()));
			assertThat(run.lines()).containsExactly("[INFO] Wrote the " + format + " lint report to " + file);
			assertThat(run.failure()).hasMessageStartingWith("Linted 2 revisions: 1 error");
			String written = Files.readString(file);
			switch (format) {
				case "sarif" -> assertThat(written)
					.isEqualTo(GoalRun.of(new LintMojo(), this.project, Map.of("format", "sarif")).info());
				case "json" -> assertThat(written).startsWith("{\"findings\":[{\"file\":");
				default -> assertThat(written.lines())
					.anySatisfy((line) -> assertThat(line).matches(".*20261201_1100_2b3c4d5e6f7a_index_titles\\.sql:6: "
							+ "error require-concurrent-index-creation: .*"))
					.last()
					.isEqualTo("Linted 2 revisions: 1 error, 2 warnings.");
			}
		}
	}

	@Test
	void anUnknownFormatFailsBeforeAnythingRuns() {
		GoalRun lint = GoalRun.of(new LintMojo(), this.project, Map.of("format", "xml"));
		assertThat(lint.failure())
			.hasMessage("Unknown -Dmigrations.format 'xml': use one of text, json, sarif (-Dmigrations.format=text)");
		assertThat(lint.lines()).isEmpty();
		GoalRun graph = GoalRun.of(new GraphMojo(), this.project, Map.of());
		assertThat(graph.failure())
			.hasMessage("Missing -Dmigrations.format: use one of dot, mermaid (-Dmigrations.format=dot)");
		assertThat(graph.lines()).isEmpty();
	}

	@Test
	void historyAndHeadsVerbosePrintEachRevisionInFull() {
		String headBlock = String.join("\n", "Rev: 2b3c4d5e6f7a (head)", "Parent: 1a2b3c4d5e6f",
				"Path: " + this.project.resolve("src/main/resources/db/migrations/20261201_1100_2b3c4d5e6f7a_index_titles.sql"));
		assertThat(GoalRun.of(new HeadsMojo(), this.project, Map.of("verbose", true)).info()).startsWith(headBlock)
			.contains("\n\n    index titles\n");
		assertThat(GoalRun.of(new HeadsMojo(), this.project, Map.of("verbose", false)).info())
			.isEqualTo("2b3c4d5e6f7a (head)");
		String history = GoalRun.of(new HistoryMojo(), this.project, Map.of("verbose", true)).info();
		assertThat(history).startsWith(headBlock).contains("\nRev: 1a2b3c4d5e6f\nParent: <base>\n");
		assertThat(GoalRun.of(new HistoryMojo(), this.project, Map.of()).info()).isEqualTo(String.join("\n",
				"1a2b3c4d5e6f -> 2b3c4d5e6f7a (head), index titles", "<base> -> 1a2b3c4d5e6f, create notes"));
	}

	@Test
	void currentVerboseNamesTheDatabaseAndPrintsEachCurrentRevisionInFull() throws IOException {
		Files.writeString(Files.createDirectories(this.project.resolve("src/main/resources")).resolve("application.properties"),
				"spring.datasource.url=jdbc:h2:mem:plugin_output_goals;DB_CLOSE_DELAY=-1\n");
		assertThat(GoalRun.of(new UpgradeMojo(), this.project, Map.of("target", "1a2b3c4d5e6f")).failure()).isNull();
		assertThat(GoalRun.of(new CurrentMojo(), this.project, Map.of()).info()).isEqualTo("1a2b3c4d5e6f");
		assertThat(GoalRun.of(new CurrentMojo(), this.project, Map.of("verbose", true)).info())
			.startsWith("Current revision(s) for jdbc:h2:mem:plugin_output_goals;DB_CLOSE_DELAY=-1:\nRev: 1a2b3c4d5e6f");
	}

	@Test
	void graphPrintsDotAndMermaidForARange() {
		assertThat(GoalRun.of(new GraphMojo(), this.project, Map.of("format", "dot", "range", "2b3c4d5e6f7a:")).info())
			.isEqualTo("""
					digraph migrations {
					  rankdir=BT;
					  node [shape=box, style="rounded", fontname="Helvetica"];
					  "2b3c4d5e6f7a" [label="2b3c4d5e6f7a\\nindex titles", penwidth=2, style="rounded"];
					}""");
		assertThat(GoalRun.of(new GraphMojo(), this.project, Map.of("format", "mermaid")).info())
			.startsWith("graph BT\n  r0[\"2b3c4d5e6f7a<br/>index titles\"]\n")
			.contains("\n  r1 --> r0\n", "\n  class r0 head");
	}

	@Test
	void graphWritesToTheOutputFileWhatItWouldPrintAndSaysWhereInOneLine() throws IOException {
		for (String format : List.of("dot", "mermaid")) {
			String printed = GoalRun.of(new GraphMojo(), this.project, Map.of("format", format)).info();
			Path file = this.project.resolve("target/graphs/migrations." + format);
			GoalRun run = GoalRun.of(new GraphMojo(), this.project, Map.of("format", format, "output", file.toFile()));
			assertThat(run.failure()).isNull();
			assertThat(run.lines()).containsExactly("[INFO] Wrote the " + format + " graph to " + file);
			assertThat(Files.readString(file)).isEqualTo(printed + "\n");
		}
		assertThat(filesIn(this.project.resolve("target/graphs"))).containsExactly("migrations.dot", "migrations.mermaid");
	}

	@Test
	void graphReplacesAnEarlierOutputFile() throws IOException {
		Path file = Files.writeString(this.project.resolve("graph.dot"), "digraph earlier {}\n");
		GoalRun run = GoalRun.of(new GraphMojo(), this.project,
				Map.of("format", "dot", "range", "2b3c4d5e6f7a:", "output", file.toFile()));
		assertThat(run.failure()).isNull();
		assertThat(Files.readString(file)).startsWith("digraph migrations {\n").contains("\"2b3c4d5e6f7a\" [label=")
			.doesNotContain("earlier", "1a2b3c4d5e6f");
	}

	@Test
	void aDirectoryAsOutputFailsInOneLineAndWritesNothing() throws IOException {
		Path directory = Files.createDirectories(this.project.resolve("target"));
		GoalRun run = GoalRun.of(new GraphMojo(), this.project, Map.of("format", "dot", "output", directory.toFile()));
		assertThat(run.failure()).hasMessage("Cannot write -Dmigrations.output '" + directory
				+ "': it is a directory; name a file in it, such as " + directory.resolve("graph.dot"));
		assertThat(run.lines()).isEmpty();
		assertThat(filesIn(directory)).isEmpty();
	}

	@Test
	void anOutputUnderAFileFailsInOneLineAndWritesNothing() throws IOException {
		Path notes = Files.writeString(this.project.resolve("notes.txt"), "keep me\n");
		Path file = notes.resolve("graph.dot");
		GoalRun run = GoalRun.of(new GraphMojo(), this.project, Map.of("format", "dot", "output", file.toFile()));
		assertThat(run.failure())
			.hasMessage("Cannot write -Dmigrations.output '" + file + "': " + notes + " is a file, not a directory");
		assertThat(run.lines()).isEmpty();
		assertThat(Files.readString(notes)).isEqualTo("keep me\n");
	}

	@Test
	void aGraphThatFailsLeavesTheEarlierOutputFileAsItWas() throws IOException {
		Path file = Files.writeString(this.project.resolve("graph.dot"), "digraph earlier {}\n");
		GoalRun run = GoalRun.of(new GraphMojo(), this.project,
				Map.of("format", "dot", "range", "9f9f9f9f9f9f:", "output", file.toFile()));
		assertThat(run.failure()).hasMessageContaining("'9f9f9f9f9f9f'");
		assertThat(run.lines()).isEmpty();
		assertThat(Files.readString(file)).isEqualTo("digraph earlier {}\n");
		assertThat(filesIn(this.project)).containsExactly("graph.dot", "src");
	}

	private static List<String> filesIn(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
	}

}
