package dev.migrations.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migrations.conformance.Corpus;
import dev.migrations.conformance.Scenario;
import dev.migrations.conformance.ScenarioRevision;
import dev.migrations.graph.Revision;
import dev.migrations.graph.RevisionGraph;
import dev.migrations.graph.RevisionQueries;
import dev.migrations.graph.Target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code history --graph} drawings: golden files under {@code dev/migrations/report/graph/} for the conformance
 * corpus's graphs and a few of our own, and each drawing read back to check it draws every edge of its graph once,
 * in a topological order.
 */
class GraphTextTest {

	/** The corpus scenarios whose graphs are valid. */
	static Stream<String> validScenarios() {
		return Corpus.load().scenarios().stream().filter((scenario) -> !scenario.revisions().isEmpty()).filter((scenario) -> {
			try {
				RevisionGraph.of(revisionsOf(scenario));
				return true;
			}
			catch (RuntimeException ex) {
				return false;
			}
		}).map(Scenario::name);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("validScenarios")
	void corpusGraphMatchesItsGoldenFile(String name) {
		List<String> lines = GraphText.draw(diagram(revisionsOf(scenario(name)), List.of()), GraphText.Glyphs.ASCII,
				80);
		assertThat(String.join("\n", lines) + "\n").isEqualTo(golden(name + ".txt"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("validScenarios")
	void corpusGraphDrawsEveryEdgeOnceInTopologicalOrder(String name) {
		assertDrawsTheGraph(diagram(revisionsOf(scenario(name)), List.of()));
	}

	@Test
	void threeWayMergeFansOut() {
		List<Revision> revisions = List.of(Revision.of("base"), Revision.of("a", "base"), Revision.of("b", "base"),
				Revision.of("c", "base"), Revision.of("side", "base"), Revision.of("merge", "a", "b", "c"),
				Revision.of("after", "merge"));
		RevisionDiagram diagram = diagram(revisions, List.of());
		assertDrawsTheGraph(diagram);
		assertThat(String.join("\n", GraphText.draw(diagram, GraphText.Glyphs.ASCII, 80)) + "\n")
			.isEqualTo(golden("three_way_merge.txt"));
	}

	@Test
	void lanesWaitingForTheSameRevisionCrossToJoin() {
		List<Revision> revisions = List.of(Revision.of("base"), Revision.of("x", "base"), Revision.of("y", "base"),
				Revision.of("m1", "x", "y"), Revision.of("m2", "y", "base"), Revision.of("top", "m1", "m2"));
		RevisionDiagram diagram = diagram(revisions, List.of());
		assertDrawsTheGraph(diagram);
		assertThat(String.join("\n", GraphText.draw(diagram, GraphText.Glyphs.ASCII, 80)) + "\n")
			.isEqualTo(golden("crossing.txt"));
	}

	@Test
	void unicodeDrawsTheSameWithBoxCharacters() {
		Scenario scenario = scenario("15_merge_of_merges");
		RevisionDiagram diagram = diagram(revisionsOf(scenario), List.of());
		assertThat(String.join("\n", GraphText.draw(diagram, GraphText.Glyphs.UNICODE, 80)) + "\n")
			.isEqualTo(golden("15_merge_of_merges.unicode.txt"));
	}

	@Test
	void currentRevisionsAreMarked() {
		Scenario scenario = scenario("07_two_branches_labels");
		List<String> lines = GraphText.draw(diagram(revisionsOf(scenario), List.of("a1a1a1a1a1a1", "b2b2b2b2b2b2")),
				GraphText.Glyphs.ASCII, 80);
		assertThat(lines).contains("* a1a1a1a1a1a1 (alpha) (current), alpha step 1",
				"| * b2b2b2b2b2b2 (beta) (head) (current), beta step 2");
	}

	@Test
	void twentyParallelBranchesFitIn80Columns() {
		RevisionDiagram diagram = diagram(parallelBranches(20), List.of());
		List<String> lines = GraphText.draw(diagram, GraphText.Glyphs.ASCII, 80);
		assertDrawsTheGraph(diagram);
		assertThat(lines).allSatisfy((line) -> assertThat(line.length()).isLessThanOrEqualTo(80));
		assertThat(lines).noneMatch((line) -> line.contains("~"));
	}

	@Test
	void widerGraphsFoldWithANote() {
		List<String> lines = GraphText.draw(diagram(parallelBranches(40), List.of()), GraphText.Glyphs.ASCII, 80);
		assertThat(lines).contains("*" + "-.".repeat(27) + "~ m (head), merge");
		assertThat(lines.get(lines.size() - 1)).isEqualTo(
				"(the graph is wider than 56 columns and is cut off at ~; 'migrations graph --format dot' draws it whole)");
	}

	@Test
	void readingBackFindsAMissingOrExtraStrand() {
		List<String> lines = GraphText.draw(diagram(revisionsOf(scenario("13_merge_2way")), List.of()),
				GraphText.Glyphs.ASCII, 80);
		List<String> cut = new ArrayList<>(lines);
		cut.set(2, "|");
		assertThat(DrawnGraph.parse(cut).edges()).doesNotContain("cccc33334444 -> bbbb11112222")
			.contains("cccc33334444 -> aaaa11112222");
		List<String> doubled = new ArrayList<>(lines);
		doubled.set(5, "|X");
		assertThatThrownBy(() -> DrawnGraph.parse(doubled))
			.hasMessage("A strand from aaaa11112222 splits or ends at row 5, column 0: 2 ways on");
		assertThat(DrawnGraph.parse(lines).edges()).containsExactlyInAnyOrder("dddd55556666 -> cccc33334444",
				"cccc33334444 -> aaaa11112222", "cccc33334444 -> bbbb11112222", "aaaa11112222 -> 0f0f0f0f0f0f",
				"bbbb11112222 -> 0f0f0f0f0f0f");
	}

	/** {@code count} branches from one base, merged at the top; every branch two revisions long. */
	private static List<Revision> parallelBranches(int count) {
		List<Revision> revisions = new ArrayList<>(List.of(Revision.of("base")));
		List<String> tips = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			revisions.add(Revision.of("b" + i + "a", "base"));
			revisions.add(Revision.of("b" + i + "b", "b" + i + "a"));
			tips.add("b" + i + "b");
		}
		revisions.add(new Revision("m", tips, List.of(), List.of(), "merge", "m"));
		return revisions;
	}

	/** Reads the drawing back and compares it with the graph. */
	static void assertDrawsTheGraph(RevisionDiagram diagram) {
		List<String> lines = GraphText.draw(diagram, GraphText.Glyphs.ASCII, 200);
		DrawnGraph drawn = DrawnGraph.parse(lines);
		List<String> order = diagram.nodes().stream().map(RevisionDiagram.Node::id).toList();
		assertThat(drawn.order()).as("revisions in order").isEqualTo(order);
		List<String> expected = diagram.nodes()
			.stream()
			.flatMap((node) -> node.parents().stream().map((parent) -> node.id() + " -> " + parent))
			.toList();
		assertThat(drawn.edges()).as("edges of\n" + String.join("\n", lines)).containsExactlyInAnyOrderElementsOf(expected);
		for (RevisionDiagram.Node node : diagram.nodes()) {
			Stream.concat(node.parents().stream(), node.dependsOn().stream())
				.forEach((parent) -> assertThat(order.indexOf(parent)).as(node.id() + " before " + parent)
					.isGreaterThan(order.indexOf(node.id())));
			String line = lines.stream().filter((l) -> l.matches("[ *|/\\\\X.-]* " + Pattern.quote(node.id()) + "([ ,].*)?")).findFirst().orElseThrow();
			assertThat(line.endsWith(" [depends on: " + String.join(", ", node.dependsOn()) + "]"))
				.as("depends on note of " + line)
				.isEqualTo(!node.dependsOn().isEmpty());
		}
	}

	static RevisionDiagram diagram(List<Revision> revisions, List<String> current) {
		RevisionGraph graph = RevisionGraph.of(revisions);
		List<RevisionView> views = Listings.of(graph).history(Target.Range.ALL, current, !current.isEmpty());
		return current.isEmpty() ? RevisionDiagram.of(views, graph::dependencies)
				: RevisionDiagram.of(views, graph::dependencies, new RevisionQueries(graph).isApplied(current));
	}

	static List<Revision> revisionsOf(Scenario scenario) {
		List<Revision> revisions = new ArrayList<>();
		for (ScenarioRevision revision : scenario.revisions()) {
			revisions.add(new Revision(revision.id(), revision.down(), revision.dependsOn(), revision.branchLabels(),
					revision.message(), revision.sqlFileName()));
		}
		return revisions;
	}

	static Scenario scenario(String name) {
		return Corpus.load().scenarios().stream().filter((s) -> s.name().equals(name)).findFirst().orElseThrow();
	}

	static String golden(String name) {
		try (InputStream in = GraphTextTest.class.getResourceAsStream("graph/" + name)) {
			assertThat(in).as("golden file graph/" + name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
