package dev.migrations.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code graph --format dot|mermaid}: a {@link RevisionDiagram} for Graphviz and for Mermaid blocks in Markdown.
 * Bases at the bottom, an arrow from each revision to the revisions that revise it (the way {@code upgrade} goes),
 * a dashed arrow to the revisions that depend on it. Each node shows the id, the message and the labels; heads
 * are bold, current revisions filled, and, when the database was read, pending revisions dashed and grey.
 */
public final class GraphExport {

	private GraphExport() {
	}

	/** A Graphviz {@code digraph}. */
	public static String dot(RevisionDiagram diagram) {
		StringBuilder dot = new StringBuilder("digraph migrations {\n");
		dot.append("  rankdir=BT;\n");
		dot.append("  node [shape=box, style=\"rounded\", fontname=\"Helvetica\"];\n");
		for (RevisionDiagram.Node node : diagram.nodes()) {
			dot.append("  ").append(dotString(node.id())).append(" [label=").append(dotString(label(node, "\n")));
			List<String> styles = new ArrayList<>(List.of("rounded"));
			if (node.head()) {
				dot.append(", penwidth=2");
			}
			if (node.current()) {
				styles.add("filled");
				dot.append(", fillcolor=\"#cfe2ff\"");
			}
			if (node.pending()) {
				styles.add("dashed");
				dot.append(", color=\"#888888\", fontcolor=\"#666666\"");
			}
			dot.append(", style=").append(dotString(String.join(",", styles))).append("];\n");
		}
		for (RevisionDiagram.Node node : diagram.nodes()) {
			for (String parent : node.parents()) {
				dot.append("  ").append(dotString(parent)).append(" -> ").append(dotString(node.id())).append(";\n");
			}
			for (String dependency : node.dependsOn()) {
				dot.append("  ")
					.append(dotString(dependency))
					.append(" -> ")
					.append(dotString(node.id()))
					.append(" [style=dashed, label=\"depends on\"];\n");
			}
		}
		return dot.append("}\n").toString();
	}

	/** A Mermaid {@code graph BT} block (without the Markdown fence). */
	public static String mermaid(RevisionDiagram diagram) {
		Map<String, String> names = new HashMap<>();
		StringBuilder mermaid = new StringBuilder("graph BT\n");
		for (RevisionDiagram.Node node : diagram.nodes()) {
			String name = "r" + names.size();
			names.put(node.id(), name);
			mermaid.append("  ").append(name).append("[\"").append(mermaidText(label(node, "\n"))).append("\"]\n");
		}
		for (RevisionDiagram.Node node : diagram.nodes()) {
			for (String parent : node.parents()) {
				mermaid.append("  ").append(names.get(parent)).append(" --> ").append(names.get(node.id())).append('\n');
			}
			for (String dependency : node.dependsOn()) {
				mermaid.append("  ")
					.append(names.get(dependency))
					.append(" -. depends on .-> ")
					.append(names.get(node.id()))
					.append('\n');
			}
		}
		mermaid.append("  classDef head stroke-width:3px\n");
		mermaid.append("  classDef current fill:#cfe2ff\n");
		mermaid.append("  classDef pending stroke-dasharray:5 5,color:#666666\n");
		appendClass(mermaid, "head", diagram, RevisionDiagram.Node::head, names);
		appendClass(mermaid, "current", diagram, RevisionDiagram.Node::current, names);
		appendClass(mermaid, "pending", diagram, RevisionDiagram.Node::pending, names);
		return mermaid.toString();
	}

	private static void appendClass(StringBuilder mermaid, String style, RevisionDiagram diagram,
			Predicate<RevisionDiagram.Node> member, Map<String, String> names) {
		List<String> members = diagram.nodes().stream().filter(member).map((node) -> names.get(node.id())).toList();
		if (!members.isEmpty()) {
			mermaid.append("  class ").append(String.join(",", members)).append(' ').append(style).append('\n');
		}
	}

	/** The id, the message and the labels, on lines of their own. */
	private static String label(RevisionDiagram.Node node, String newLine) {
		StringBuilder label = new StringBuilder(node.id());
		if (!node.message().isEmpty()) {
			label.append(newLine).append(node.message());
		}
		if (!node.labels().isEmpty()) {
			label.append(newLine).append('(').append(String.join(", ", node.labels())).append(')');
		}
		return label.toString();
	}

	/** A DOT quoted string: backslashes and quotes escaped, line breaks as {@code \n}. */
	static String dotString(String text) {
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				case '\r' -> {
				}
				default -> quoted.append(c);
			}
		}
		return quoted.append('"').toString();
	}

	/**
	 * Text for a quoted Mermaid label: quotes, {@code #}, {@code <}, {@code >} and {@code &} as Mermaid's entity
	 * codes, so no message can end the label or turn into markup; line breaks as {@code <br/>}.
	 */
	static String mermaidText(String text) {
		StringBuilder escaped = new StringBuilder();
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> escaped.append("#quot;");
				case '#' -> escaped.append("#35;");
				case '<' -> escaped.append("#lt;");
				case '>' -> escaped.append("#gt;");
				case '&' -> escaped.append("#amp;");
				case '\n' -> escaped.append("<br/>");
				case '\r' -> {
				}
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

}
