package dev.migrations.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code history --graph} drawing back: the revisions in the order drawn and every edge found by following
 * the glyphs down from each {@code *} to the {@code *} they reach. Fails on a strand that leads nowhere.
 */
final class DrawnGraph {

	private final List<String> order = new ArrayList<>();

	private final List<String> edges = new ArrayList<>();

	private final Map<Integer, String> nodeRows = new HashMap<>();

	private final List<String> graphs = new ArrayList<>();

	private DrawnGraph() {
	}

	/** Parses ASCII lines; each revision line's text starts with its id. */
	static DrawnGraph parse(List<String> lines) {
		DrawnGraph drawn = new DrawnGraph();
		for (int r = 0; r < lines.size(); r++) {
			String line = lines.get(r);
			int end = 0;
			while (end < line.length() && " *|/\\X-.".indexOf(line.charAt(end)) >= 0) {
				end++;
			}
			String graph = line.substring(0, end);
			drawn.graphs.add(graph);
			if (graph.indexOf('*') >= 0) {
				String id = line.substring(end).split("[ ,]", 2)[0];
				drawn.order.add(id);
				drawn.nodeRows.put(r, id);
			}
		}
		for (Map.Entry<Integer, String> node : drawn.nodeRows.entrySet()) {
			drawn.follow(node.getKey(), node.getValue());
		}
		return drawn;
	}

	List<String> order() {
		return this.order;
	}

	/** Every edge as {@code child -> parent}, once per strand drawn. */
	List<String> edges() {
		return this.edges;
	}

	private void follow(int row, String id) {
		String graph = this.graphs.get(row);
		int star = graph.indexOf('*');
		List<Integer> anchors = new ArrayList<>(List.of(star));
		for (int x = star + 1; x + 1 < graph.length() && graph.charAt(x) == '-' && graph.charAt(x + 1) == '.'; x += 2) {
			anchors.add(x + 1);
		}
		for (int anchor : anchors) {
			List<int[]> starts = strandsFrom(row + 1, anchor);
			if (starts.isEmpty() && anchor != star) {
				throw new AssertionError("The fan of " + id + " at column " + anchor + " leads nowhere");
			}
			for (int[] start : starts) {
				this.edges.add(id + " -> " + trace(row + 1, start[0], start[1], id));
			}
		}
	}

	/** Follows a strand that enters row {@code row} at the glyph in column {@code x}, leaving it at {@code bottom}. */
	private String trace(int row, int x, int bottom, String from) {
		int r = row;
		int anchor = bottom;
		while (true) {
			String reached = this.nodeRows.get(r);
			if (reached != null && x == this.graphs.get(r).indexOf('*')) {
				return reached;
			}
			List<int[]> next = strandsFrom(r + 1, anchor);
			if (next.size() != 1) {
				throw new AssertionError("A strand from " + from + " splits or ends at row " + (r + 1) + ", column "
						+ anchor + ": " + next.size() + " ways on");
			}
			r = r + 1;
			x = next.get(0)[0];
			anchor = next.get(0)[1];
		}
	}

	/**
	 * The glyphs of a row a strand enters from above at {@code anchor}, each as its column and the column it leaves
	 * the row at: {@code |} straight down, {@code /} and {@code \} one step aside, {@code X} both, {@code *} ends.
	 */
	private List<int[]> strandsFrom(int row, int anchor) {
		List<int[]> found = new ArrayList<>();
		if (row >= this.graphs.size()) {
			return found;
		}
		String graph = this.graphs.get(row);
		char straight = at(graph, anchor);
		if (straight == '|' || straight == '*') {
			found.add(new int[] { anchor, anchor });
		}
		char right = at(graph, anchor + 1);
		if (right == '\\' || right == 'X') {
			found.add(new int[] { anchor + 1, anchor + 2 });
		}
		char left = at(graph, anchor - 1);
		if (left == '/' || left == 'X') {
			found.add(new int[] { anchor - 1, anchor - 2 });
		}
		return found;
	}

	private static char at(String graph, int x) {
		return (x >= 0 && x < graph.length()) ? graph.charAt(x) : ' ';
	}

}
