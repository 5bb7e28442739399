package dev.migrations.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code history --graph}: a {@link RevisionDiagram} drawn as {@code git log --graph} draws commits, one revision
 * per line, newest first.
 *
 * <p>
 * Each revision waits on a lane, two characters wide; {@code *} marks the revision on its lane. Below a revision
 * its lane splits into one lane per revision it revises ({@code |\}; a merge of three or more fans out from
 * {@code *-.}). Lanes waiting for the same revision join ({@code |/}), crossing others on the way ({@code X}),
 * and lanes shift left or right ({@code /}, {@code \}) to make room or close gaps. A revision that revises nothing
 * drawn ends its lane; a blank row then keeps the next revision on that column from reading as its parent.
 * Dependencies are not lanes: the revision's line ends in {@code [depends on: <ids>]}. Lines read
 * {@code <id>[ (labels)][ (head)| (effective head)][ (current)][, <message>]}.
 */
public final class GraphText {

	/** Columns kept for the revision's text when the graph is wider than the line allows. */
	private static final int TEXT_COLUMNS = 24;

	/** The characters a graph is drawn with. */
	public enum Glyphs {

		/** Plain ASCII, as {@code git log --graph}. */
		ASCII("*|/\\X-."),
		/** Unicode box drawing characters. */
		UNICODE("\u25CF\u2502\u2571\u2572\u2573\u2500\u256E");

		private final String characters;

		Glyphs(String characters) {
			this.characters = characters;
		}

		/** The glyph of this set for an ASCII glyph. */
		char of(char ascii) {
			int index = ASCII.characters.indexOf(ascii);
			return (index < 0) ? ascii : this.characters.charAt(index);
		}

	}

	private final List<Row> rows = new ArrayList<>();

	private List<String> lanes = new ArrayList<>();

	private GraphText() {
	}

	/**
	 * The lines of the drawn graph.
	 * @param width the columns a line may take; a graph wider than that, less room for the text, is folded: its
	 * rightmost lanes are cut off ({@code ~}) and a last line says so
	 */
	public static List<String> draw(RevisionDiagram diagram, Glyphs glyphs, int width) {
		GraphText text = new GraphText();
		List<RevisionDiagram.Node> nodes = diagram.nodes();
		for (int i = 0; i < nodes.size(); i++) {
			text.add(nodes.get(i), (i + 1 < nodes.size()) ? nodes.get(i + 1).id() : null);
		}
		return text.lines(glyphs, Math.max(8, width - TEXT_COLUMNS));
	}

	/** The text after a revision's glyph. */
	static String describe(RevisionDiagram.Node node) {
		StringBuilder text = new StringBuilder(node.id());
		if (!node.labels().isEmpty()) {
			text.append(" (").append(String.join(", ", node.labels())).append(')');
		}
		text.append(node.head() ? " (head)" : "").append(node.effectiveHead() ? " (effective head)" : "");
		text.append(node.current() ? " (current)" : "");
		text.append(node.message().isEmpty() ? "" : ", " + node.message());
		if (!node.dependsOn().isEmpty()) {
			text.append(" [depends on: ").append(String.join(", ", node.dependsOn())).append(']');
		}
		return text.toString();
	}

	/** Draws a revision and the lanes below it; {@code nextId} is the revision drawn next, if any. */
	private void add(RevisionDiagram.Node node, String nextId) {
		int column = this.lanes.indexOf(node.id());
		if (column < 0) {
			column = this.lanes.size();
			this.lanes.add(node.id());
		}
		List<String> parents = node.parents();
		int fan = Math.max(0, parents.size() - 2);
		for (int shift = 1; shift <= fan && column + 1 < this.lanes.size(); shift++) {
			link(shifted(column, shift - 1, shift));
		}
		char[] glyphs = lanesRow(column, fan);
		glyphs[2 * column] = '*';
		for (int i = 1; i <= fan; i++) {
			glyphs[2 * column + 2 * i - 1] = '-';
			glyphs[2 * column + 2 * i] = '.';
		}
		this.rows.add(new Row(new String(glyphs), describe(node)));
		List<Strand> strands = new ArrayList<>();
		for (int j = 0; j < this.lanes.size(); j++) {
			if (j < column) {
				strands.add(new Strand(j, j));
			}
			else if (j > column) {
				strands.add(new Strand(j + fan, j + parents.size() - 1));
			}
		}
		for (int i = 0; i < parents.size(); i++) {
			strands.add((i == 0) ? new Strand(column, column) : new Strand(column + i - 1, column + i));
		}
		List<String> next = new ArrayList<>(this.lanes.subList(0, column));
		next.addAll(parents);
		next.addAll(this.lanes.subList(column + 1, this.lanes.size()));
		this.lanes = next;
		boolean nextOnFreedColumn = parents.isEmpty() && nextId != null && !this.lanes.contains(nextId)
				&& this.lanes.size() == column;
		if (nextOnFreedColumn || strands.stream().anyMatch((strand) -> strand.from() != strand.to())) {
			link(strands);
		}
		join();
	}

	/** The strands of a row that shifts the lanes right of {@code column} from {@code from} to {@code to}. */
	private List<Strand> shifted(int column, int from, int to) {
		List<Strand> strands = new ArrayList<>();
		for (int j = 0; j < this.lanes.size(); j++) {
			strands.add((j <= column) ? new Strand(j, j) : new Strand(j + from, j + to));
		}
		return strands;
	}

	/** A row with a {@code |} on every lane, the lanes right of {@code column} shifted right by {@code shift}. */
	private char[] lanesRow(int column, int shift) {
		char[] glyphs = blank(2 * (this.lanes.size() + shift));
		for (int j = 0; j < this.lanes.size(); j++) {
			glyphs[2 * ((j > column) ? j + shift : j)] = '|';
		}
		return glyphs;
	}

	/**
	 * Joins the lanes waiting for the same revision, one row at a time: the leftmost pair of neighbours waiting for
	 * the same revision joins, else lanes out of the order of their first appearance swap places.
	 */
	private void join() {
		Map<String, Integer> rank = new HashMap<>();
		this.lanes.forEach((lane) -> rank.putIfAbsent(lane, rank.size()));
		while (rank.size() < this.lanes.size()) {
			List<Strand> strands = new ArrayList<>();
			int joined = -1;
			for (int j = 0; j + 1 < this.lanes.size() && joined < 0; j++) {
				if (this.lanes.get(j).equals(this.lanes.get(j + 1))) {
					joined = j + 1;
				}
			}
			if (joined >= 0) {
				for (int j = 0; j < this.lanes.size(); j++) {
					strands.add(new Strand(j, (j < joined) ? j : j - 1));
				}
				this.lanes.remove(joined);
			}
			else {
				for (int j = 0; j < this.lanes.size(); j++) {
					if (j + 1 < this.lanes.size()
							&& rank.get(this.lanes.get(j)) > rank.get(this.lanes.get(j + 1))) {
						strands.add(new Strand(j, j + 1));
						strands.add(new Strand(j + 1, j));
						this.lanes.set(j + 1, this.lanes.set(j, this.lanes.get(j + 1)));
						j++;
					}
					else {
						strands.add(new Strand(j, j));
					}
				}
			}
			link(strands);
		}
	}

	/** A row of strands, each staying on its lane or moving to a neighbour; two that swap cross in an X. */
	private void link(List<Strand> strands) {
		int width = strands.stream().mapToInt((strand) -> Math.max(strand.from(), strand.to())).max().orElse(-1);
		char[] glyphs = blank(2 * width + 2);
		for (Strand strand : strands) {
			if (strand.to() == strand.from()) {
				glyphs[2 * strand.from()] = '|';
			}
			else {
				int at = strand.from() + strand.to();
				char glyph = (strand.to() < strand.from()) ? '/' : '\\';
				glyphs[at] = (glyphs[at] == ' ' || glyphs[at] == glyph) ? glyph : 'X';
			}
		}
		this.rows.add(new Row(new String(glyphs), ""));
	}

	private List<String> lines(Glyphs glyphs, int graphColumns) {
		boolean folded = this.rows.stream().anyMatch((row) -> row.graph().stripTrailing().length() > graphColumns);
		List<String> lines = new ArrayList<>(this.rows.size() + 1);
		for (Row row : this.rows) {
			String graph = row.graph().stripTrailing();
			if (graph.length() > graphColumns) {
				graph = graph.substring(0, graphColumns - 1) + "~";
			}
			StringBuilder line = new StringBuilder();
			graph.chars().forEach((glyph) -> line.append(glyphs.of((char) glyph)));
			if (!row.text().isEmpty()) {
				line.append(" ").append(row.text());
			}
			lines.add(line.toString());
		}
		if (folded) {
			lines.add("(the graph is wider than " + graphColumns
					+ " columns and is cut off at ~; 'migrations graph --format dot' draws it whole)");
		}
		return lines;
	}

	private static char[] blank(int length) {
		char[] glyphs = new char[Math.max(0, length)];
		Arrays.fill(glyphs, ' ');
		return glyphs;
	}

	/** A line of the graph and the revision it shows, if any. */
	private record Row(String graph, String text) {
	}

	/** A lane from one row to the next, from lane {@code from} to lane {@code to}, at most one apart. */
	private record Strand(int from, int to) {
	}

}
