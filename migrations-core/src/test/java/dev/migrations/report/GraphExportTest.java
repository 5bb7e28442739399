package dev.migrations.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migrations.graph.Revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code graph --format dot|mermaid}: escaping, styles, and output Graphviz and a Mermaid grammar accept. */
class GraphExportTest {

	/** A message with everything that could break out of a label. */
	private static final String AWKWARD = "say \"hi\" <b>[x]</b> {y} #1 & back\\slash | pipe";

	private static RevisionDiagram awkward() {
		List<Revision> revisions = List.of(new Revision("base1", List.of(), List.of(), List.of("core"), AWKWARD, "1"),
				new Revision("next2", List.of("base1"), List.of(), List.of(), "next", "2"),
				new Revision("side3", List.of(), List.of("base1"), List.of(), "", "3"));
		return GraphTextTest.diagram(revisions, List.of("next2"));
	}

	@Test
	void dotLabelsEscapeQuotesAndBackslashes() {
		assertThat(GraphExport.dot(awkward())).isEqualTo("""
				digraph migrations {
				  rankdir=BT;
				  node [shape=box, style="rounded", fontname="Helvetica"];
				  "next2" [label="next2\\nnext\\n(core)", penwidth=2, fillcolor="#cfe2ff", style="rounded,filled"];
				  "side3" [label="side3", penwidth=2, color="#888888", fontcolor="#666666", style="rounded,dashed"];
				  "base1" [label="base1\\nsay \\"hi\\" <b>[x]</b> {y} #1 & back\\\\slash | pipe\\n(core)", style="rounded"];
				  "base1" -> "next2";
				  "base1" -> "side3" [style=dashed, label="depends on"];
				}
				""");
	}

	@Test
	void mermaidLabelsUseEntityCodes() {
		assertThat(GraphExport.mermaid(awkward())).isEqualTo("""
				graph BT
				  r0["next2<br/>next<br/>(core)"]
				  r1["side3"]
				  r2["base1<br/>say #quot;hi#quot; #lt;b#gt;[x]#lt;/b#gt; {y} #35;1 #amp; back\\slash | pipe<br/>(core)"]
				  r2 --> r0
				  r2 -. depends on .-> r1
				  classDef head stroke-width:3px
				  classDef current fill:#cfe2ff
				  classDef pending stroke-dasharray:5 5,color:#666666
				  class r0,r1 head
				  class r0 current
				  class r1 pending
				""");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.migrations.report.GraphTextTest#validScenarios")
	void mermaidParsesAsAGraphBlock(String name) {
		RevisionDiagram diagram = GraphTextTest.diagram(GraphTextTest.revisionsOf(GraphTextTest.scenario(name)),
				List.of());
		assertMermaidGrammar(GraphExport.mermaid(diagram), diagram);
	}

	@Test
	void awkwardMermaidParsesAsAGraphBlock() {
		assertMermaidGrammar(GraphExport.mermaid(awkward()), awkward());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.migrations.report.GraphTextTest#validScenarios")
	void dotHasOneNodePerRevisionAndOneArrowPerEdge(String name) {
		RevisionDiagram diagram = GraphTextTest.diagram(GraphTextTest.revisionsOf(GraphTextTest.scenario(name)),
				List.of());
		String dot = GraphExport.dot(diagram);
		for (RevisionDiagram.Node node : diagram.nodes()) {
			assertThat(dot).containsOnlyOnce("\n  \"" + node.id() + "\" [label=\"" + node.id());
			node.parents().forEach((parent) -> assertThat(dot).containsOnlyOnce(
					"\n  \"" + parent + "\" -> \"" + node.id() + "\";\n"));
			node.dependsOn().forEach((dependency) -> assertThat(dot).containsOnlyOnce("\n  \"" + dependency
					+ "\" -> \"" + node.id() + "\" [style=dashed, label=\"depends on\"];\n"));
		}
	}

	@Test
	void graphvizAcceptsTheDot() throws Exception {
		assumeTrue(dotInstalled(), "Graphviz's dot is not installed (apt-get install graphviz): "
				+ "only the check that dot -Tsvg accepts the output is skipped");
		for (String name : GraphTextTest.validScenarios().toList()) {
			assertGraphvizAccepts(GraphExport.dot(
					GraphTextTest.diagram(GraphTextTest.revisionsOf(GraphTextTest.scenario(name)), List.of())));
		}
		assertGraphvizAccepts(GraphExport.dot(awkward()));
	}

	private static void assertGraphvizAccepts(String dot) throws IOException, InterruptedException {
		Process process = new ProcessBuilder("dot", "-Tsvg").redirectErrorStream(true).start();
		process.getOutputStream().write(dot.getBytes(StandardCharsets.UTF_8));
		process.getOutputStream().close();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output + "\nfor\n" + dot).isZero();
		assertThat(output).contains("<svg").doesNotContain("Warning", "Error");
	}

	private static boolean dotInstalled() {
		try {
			return new ProcessBuilder("dot", "-V").redirectErrorStream(true).start().waitFor() == 0;
		}
		catch (IOException | InterruptedException ex) {
			return false;
		}
	}

	/**
	 * The subset of Mermaid's flowchart grammar the export writes: a {@code graph BT} header, then node
	 * declarations with quoted labels free of quotes, arrows between declared nodes, class definitions and class
	 * assignments to declared nodes.
	 */
	static void assertMermaidGrammar(String mermaid, RevisionDiagram diagram) {
		Pattern node = Pattern.compile("  (r\\d+)\\[\"([^\"]*)\"\\]");
		Pattern edge = Pattern.compile("  (r\\d+) (-->|-\\. depends on \\.->) (r\\d+)");
		Pattern classDef = Pattern.compile("  classDef (head|current|pending) [a-z-]+:[^;\\s]+( [^;\\s]+)*");
		Pattern assign = Pattern.compile("  class (r\\d+(?:,r\\d+)*) (head|current|pending)");
		List<String> lines = mermaid.lines().toList();
		assertThat(lines.get(0)).isEqualTo("graph BT");
		Set<String> declared = new HashSet<>();
		int edges = 0;
		for (String line : lines.subList(1, lines.size())) {
			Matcher matcher;
			if ((matcher = node.matcher(line)).matches()) {
				assertThat(declared.add(matcher.group(1))).as("declared once: " + line).isTrue();
				assertThat(matcher.group(2).replace("<br/>", "")).as(line).isNotEmpty().doesNotContain("<", ">");
			}
			else if ((matcher = edge.matcher(line)).matches()) {
				assertThat(declared).as(line).contains(matcher.group(1), matcher.group(3));
				edges++;
			}
			else if ((matcher = assign.matcher(line)).matches()) {
				assertThat(declared).as(line).containsAll(List.of(matcher.group(1).split(",")));
			}
			else {
				assertThat(line).as("a Mermaid line").matches(classDef);
			}
		}
		assertThat(declared).hasSize(diagram.nodes().size());
		assertThat(edges).isEqualTo(diagram.nodes()
			.stream()
			.mapToInt((n) -> n.parents().size() + n.dependsOn().size())
			.sum());
	}

}
