package dev.migrations.report;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import dev.migrations.graph.Revision;

import static org.assertj.core.api.Assertions.assertThat;

/** The operators' page's SVG: well-formed, one node per revision, every edge once, no revision on a passing edge. */
class GraphSvgTest {

	static Stream<String> validScenarios() {
		return GraphTextTest.validScenarios();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("validScenarios")
	void corpusGraphHasOneNodePerRevisionAndEveryEdgeOnce(String name) {
		RevisionDiagram diagram = GraphTextTest.diagram(GraphTextTest.revisionsOf(GraphTextTest.scenario(name)),
				List.of());
		Document svg = parse(GraphSvg.svg(diagram));
		List<String> drawn = new ArrayList<>();
		NodeList groups = svg.getElementsByTagName("g");
		for (int i = 0; i < groups.getLength(); i++) {
			drawn.add(((Element) groups.item(i)).getAttribute("data-revision"));
		}
		assertThat(drawn).isEqualTo(diagram.nodes().stream().map(RevisionDiagram.Node::id).toList());
		long edges = diagram.nodes().stream().mapToLong((node) -> node.parents().size()).sum();
		long dependencies = diagram.nodes().stream().mapToLong((node) -> node.dependsOn().size()).sum();
		assertThat(count(svg, "edge")).isEqualTo(edges);
		assertThat(count(svg, "edge depends")).isEqualTo(dependencies);
		assertNoRevisionOnAPassingEdge(diagram);
	}

	@Test
	void currentPendingAndHeadsAreClassed() {
		RevisionDiagram diagram = GraphTextTest.diagram(
				GraphTextTest.revisionsOf(GraphTextTest.scenario("07_two_branches_labels")), List.of("a1a1a1a1a1a1"));
		Document svg = parse(GraphSvg.svg(diagram));
		for (RevisionDiagram.Node node : diagram.nodes()) {
			Element group = group(svg, node.id());
			List<String> classes = List.of(group.getAttribute("class").split(" "));
			assertThat(classes).as(node.id()).contains("node");
			assertThat(classes.contains("current")).as(node.id() + " current").isEqualTo(node.current());
			assertThat(classes.contains("pending")).as(node.id() + " pending").isEqualTo(node.pending());
			assertThat(classes.contains("head")).as(node.id() + " head").isEqualTo(node.head());
		}
		assertThat(group(svg, "a1a1a1a1a1a1").getTextContent()).contains("a1a1a1a1a1a1 (alpha) [current] alpha step 1");
		assertThat(group(svg, "b2b2b2b2b2b2").getTextContent()).contains("[head, pending]");
	}

	@Test
	void messagesAreEscaped() {
		List<Revision> revisions = List.of(
				new Revision("base1", List.of(), List.of(), List.of("<core>"), "say \"hi\" <b>&</b> it's", "1"),
				new Revision("next2", List.of("base1"), List.of(), List.of(), "a\u0001b", "2"));
		String svg = GraphSvg.svg(GraphTextTest.diagram(revisions, List.of()));
		Document parsed = parse(svg);
		assertThat(group(parsed, "base1").getTextContent()).contains("base1 (<core>) say \"hi\" <b>&</b> it's");
		assertThat(svg).doesNotContain("<b>").contains("a b");
	}

	/** Fifty branches from one base, merged at the top: fifty lanes, none shared by two revisions at once. */
	@Test
	void wideGraphKeepsEveryLaneToItself() {
		List<Revision> revisions = new ArrayList<>(List.of(Revision.of("base")));
		List<String> tips = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			revisions.add(Revision.of("b" + i + "a", "base"));
			revisions.add(Revision.of("b" + i + "b", "b" + i + "a"));
			tips.add("b" + i + "b");
		}
		revisions.add(new Revision("m", tips, List.of(), List.of(), "merge", "m"));
		RevisionDiagram diagram = GraphTextTest.diagram(revisions, List.of());
		assertThat(GraphSvg.Layout.of(diagram).lanes()).isEqualTo(50);
		assertNoRevisionOnAPassingEdge(diagram);
	}

	/** No revision sits on the lane of an edge between the rows the edge runs down it. */
	private static void assertNoRevisionOnAPassingEdge(RevisionDiagram diagram) {
		GraphSvg.Layout layout = GraphSvg.Layout.of(diagram);
		for (GraphSvg.Edge edge : layout.edges()) {
			assertThat(edge.to()).as("edge drawn downwards").isGreaterThan(edge.from());
			if (edge.dependency()) {
				continue;
			}
			for (int row = edge.from() + 1; row < edge.to(); row++) {
				assertThat(layout.columns()[row]).as("row " + row + " on the lane of edge " + edge)
					.isNotEqualTo(edge.lane());
			}
		}
	}

	private static long count(Document svg, String pathClass) {
		NodeList paths = svg.getElementsByTagName("path");
		long count = 0;
		for (int i = 0; i < paths.getLength(); i++) {
			count += ((Element) paths.item(i)).getAttribute("class").equals(pathClass) ? 1 : 0;
		}
		return count;
	}

	private static Element group(Document svg, String revision) {
		NodeList groups = svg.getElementsByTagName("g");
		for (int i = 0; i < groups.getLength(); i++) {
			Element group = (Element) groups.item(i);
			if (group.getAttribute("data-revision").equals(revision)) {
				return group;
			}
		}
		throw new AssertionError("no node for " + revision);
	}

	private static Document parse(String svg) {
		try {
			return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
		}
		catch (Exception ex) {
			throw new AssertionError("not well-formed XML: " + ex.getMessage() + "\n" + svg, ex);
		}
	}

}
