package dev.migrations.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link RevisionDiagram} as an SVG image, for the operators' page: one row per revision, newest at the top, the
 * way {@code history --graph} draws it, and the revision's text to the right of the lanes.
 *
 * <p>
 * Each revision sits on a lane. Below it, the edge to each revision it revises runs down the lane that waits for
 * that revision: the revision's own lane for the first, a free one (or a new one) for the others, or the lane
 * that already waits for it. A lane is kept until the revision it waits for, so no revision is drawn on an edge
 * passing by. Dependencies are dashed arcs to the right. Each revision is a {@code <g class="node">} with
 * {@code data-revision} set to its id and the classes {@code head}, {@code current} and {@code pending} as they
 * apply; the stylesheet inside the image styles them.
 */
public final class GraphSvg {

	private static final int ROW = 30;

	private static final int LANE = 20;

	private static final int MARGIN = 16;

	private static final int RADIUS = 6;

	/** The width the text of a row is assumed to take per character, to size the image. */
	private static final double CHARACTER_WIDTH = 8.0;

	private static final String STYLE = """
			.edge{fill:none;stroke:#6c7a89;stroke-width:2}\
			.edge.depends{stroke:#b07cc6;stroke-width:1.5;stroke-dasharray:5 4}\
			.node circle{fill:#fff;stroke:#2f6fb3;stroke-width:2.5}\
			.node.current circle{fill:#2f6fb3;stroke:#173c63}\
			.node.pending circle{stroke:#9aa5b1;stroke-dasharray:3 2}\
			.node.head circle{stroke-width:4}\
			.node text{font:13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;fill:#1f2933}\
			.node.pending text{fill:#7b8794}\
			.node .labels{fill:#8a5a00}.node .message{fill:#52606d}\
			.node .mark{font-weight:bold;fill:#2f6fb3}.node.pending .mark{fill:#7b8794}\
			.node{cursor:pointer}.node .row{fill:transparent}.node.selected .row{fill:#2f6fb3;fill-opacity:.1}\
			""";

	private GraphSvg() {
	}

	/** The whole {@code <svg>} element. */
	public static String svg(RevisionDiagram diagram) {
		Layout layout = Layout.of(diagram);
		List<RevisionDiagram.Node> nodes = diagram.nodes();
		int textX = MARGIN + layout.lanes() * LANE + 4;
		int longest = nodes.stream().mapToInt((node) -> text(node).length()).max().orElse(0);
		int width = textX + (int) Math.ceil(longest * CHARACTER_WIDTH) + MARGIN;
		int height = Math.max(1, nodes.size()) * ROW + MARGIN;
		StringBuilder svg = new StringBuilder(256 + nodes.size() * 400);
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"revision-graph\" width=\"")
			.append(width)
			.append("\" height=\"")
			.append(height)
			.append("\" viewBox=\"0 0 ")
			.append(width)
			.append(' ')
			.append(height)
			.append("\" role=\"img\" aria-label=\"Revision graph\">\n<style>")
			.append(STYLE)
			.append("</style>\n");
		for (Edge edge : layout.edges()) {
			svg.append("<path class=\"edge").append(edge.dependency() ? " depends" : "").append("\" d=\"");
			svg.append(edge.dependency() ? arc(edge, layout) : path(edge, layout)).append("\"/>\n");
		}
		for (int row = 0; row < nodes.size(); row++) {
			appendNode(svg, nodes.get(row), row, layout.columns()[row], textX, width);
		}
		return svg.append("</svg>\n").toString();
	}

	private static void appendNode(StringBuilder svg, RevisionDiagram.Node node, int row, int column, int textX,
			int width) {
		int y = y(row);
		svg.append("<g class=\"node");
		svg.append(node.head() || node.effectiveHead() ? " head" : "");
		svg.append(node.current() ? " current" : "").append(node.pending() ? " pending" : "");
		svg.append("\" data-revision=\"").append(escape(node.id())).append("\" tabindex=\"0\">");
		svg.append("<title>").append(escape(node.id()));
		svg.append(node.message().isEmpty() ? "" : ": " + escape(node.message())).append("</title>");
		svg.append("<rect class=\"row\" x=\"0\" y=\"").append(y - ROW / 2).append("\" width=\"").append(width);
		svg.append("\" height=\"").append(ROW).append("\"/>");
		svg.append("<circle cx=\"").append(x(column)).append("\" cy=\"").append(y).append("\" r=\"").append(RADIUS);
		svg.append("\"/><text x=\"").append(textX).append("\" y=\"").append(y + 4).append("\">");
		svg.append("<tspan class=\"id\">").append(escape(node.id())).append("</tspan>");
		if (!node.labels().isEmpty()) {
			svg.append(" <tspan class=\"labels\">(").append(escape(String.join(", ", node.labels()))).append(")</tspan>");
		}
		String marks = marks(node);
		if (!marks.isEmpty()) {
			svg.append(" <tspan class=\"mark\">").append(marks).append("</tspan>");
		}
		if (!node.message().isEmpty()) {
			svg.append(" <tspan class=\"message\">").append(escape(node.message())).append("</tspan>");
		}
		svg.append("</text></g>\n");
	}

	/** The row's text as drawn, to size the image. */
	private static String text(RevisionDiagram.Node node) {
		String labels = node.labels().isEmpty() ? "" : " (" + String.join(", ", node.labels()) + ")";
		return node.id() + labels + " " + marks(node) + " " + node.message();
	}

	private static String marks(RevisionDiagram.Node node) {
		List<String> marks = new ArrayList<>();
		if (node.head()) {
			marks.add("head");
		}
		if (node.effectiveHead()) {
			marks.add("effective head");
		}
		if (node.current()) {
			marks.add("current");
		}
		if (node.pending()) {
			marks.add("pending");
		}
		return marks.isEmpty() ? "" : "[" + String.join(", ", marks) + "]";
	}

	/** Down from the revision onto the edge's lane, along it, and onto the revision it revises. */
	private static String path(Edge edge, Layout layout) {
		int fromX = x(layout.columns()[edge.from()]);
		int fromY = y(edge.from());
		int toX = x(layout.columns()[edge.to()]);
		int toY = y(edge.to());
		int laneX = x(edge.lane());
		StringBuilder d = new StringBuilder().append('M').append(fromX).append(' ').append(fromY);
		if (edge.to() == edge.from() + 1) {
			return d.append(curve(fromX, fromY, toX, toY)).toString();
		}
		d.append(curve(fromX, fromY, laneX, fromY + ROW));
		d.append(" L").append(laneX).append(' ').append(toY - ROW);
		return d.append(curve(laneX, toY - ROW, toX, toY)).toString();
	}

	/** A vertical step from one point to the other: straight within a lane, an S-curve between lanes. */
	private static String curve(int fromX, int fromY, int toX, int toY) {
		if (fromX == toX) {
			return " L" + toX + ' ' + toY;
		}
		int middle = (fromY + toY) / 2;
		return " C" + fromX + ' ' + middle + ' ' + toX + ' ' + middle + ' ' + toX + ' ' + toY;
	}

	/** A dependency: an arc bowing right of both revisions. */
	private static String arc(Edge edge, Layout layout) {
		int fromX = x(layout.columns()[edge.from()]);
		int toX = x(layout.columns()[edge.to()]);
		int bow = Math.max(fromX, toX) + LANE + Math.min(3 * LANE, (edge.to() - edge.from()) * 4);
		return String.format(Locale.ROOT, "M%d %d Q%d %d %d %d", fromX, y(edge.from()), bow,
				(y(edge.from()) + y(edge.to())) / 2, toX, y(edge.to()));
	}

	private static int x(int column) {
		return MARGIN + column * LANE + LANE / 2;
	}

	private static int y(int row) {
		return MARGIN / 2 + row * ROW + ROW / 2;
	}

	/** Text for XML content and attribute values. */
	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '&' -> escaped.append("&amp;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> escaped.append((c < 0x20 && c != '\t') ? ' ' : c);
			}
		}
		return escaped.toString();
	}

	/**
	 * An edge between two rows.
	 *
	 * @param from the row of the revision that revises (or depends on) the other
	 * @param to the row of the revision revised (or depended on)
	 * @param lane the lane the edge runs down; unused for a dependency
	 * @param dependency a {@code depends_on} edge
	 */
	record Edge(int from, int to, int lane, boolean dependency) {
	}

	/**
	 * Where the revisions are drawn.
	 *
	 * @param columns the lane of each row's revision
	 * @param edges every edge, each once
	 * @param lanes how many lanes the widest row uses
	 */
	record Layout(int[] columns, List<Edge> edges, int lanes) {

		static Layout of(RevisionDiagram diagram) {
			List<RevisionDiagram.Node> nodes = diagram.nodes();
			Map<String, Integer> rows = new HashMap<>();
			for (int row = 0; row < nodes.size(); row++) {
				rows.put(nodes.get(row).id(), row);
			}
			// the lane waiting for each revision not drawn yet: one per revision, its revisers share it
			Map<String, Integer> waiting = new HashMap<>();
			List<String> lanes = new ArrayList<>();
			int[] columns = new int[nodes.size()];
			List<Edge> edges = new ArrayList<>();
			for (int row = 0; row < nodes.size(); row++) {
				RevisionDiagram.Node node = nodes.get(row);
				Integer awaited = waiting.remove(node.id());
				int column = (awaited != null) ? awaited : free(lanes);
				columns[row] = column;
				lanes.set(column, null);
				for (String parent : node.parents()) {
					Integer lane = waiting.get(parent);
					if (lane == null) {
						lane = (lanes.get(column) == null) ? column : free(lanes);
						lanes.set(lane, parent);
						waiting.put(parent, lane);
					}
					edges.add(new Edge(row, rows.get(parent), lane, false));
				}
				for (String dependency : node.dependsOn()) {
					edges.add(new Edge(row, rows.get(dependency), -1, true));
				}
			}
			return new Layout(columns, edges, lanes.size());
		}

		/** The leftmost free lane, taken by the caller; a new lane when none is free. */
		private static int free(List<String> lanes) {
			int free = lanes.indexOf(null);
			if (free < 0) {
				lanes.add(null);
				return lanes.size() - 1;
			}
			return free;
		}

	}

}
