package dev.migrations.execute;

import java.util.List;

/**
 * The statements of a failed revision that stay applied: they ran and were not rolled back, because the revision
 * ran outside a transaction or because the database commits DDL at once. None when the revision rolled back whole.
 *
 * @param file the revision's script
 * @param lines the line of each statement that stays applied, in order
 * @param failedLine the line of the statement that failed
 * @param reason why they were not rolled back, in words
 */
record LeftApplied(String file, List<Integer> lines, int failedLine, String reason) {

	/** Above this many statements, only the first and the last are named. */
	private static final int NAMED_ONE_BY_ONE = 3;

	LeftApplied {
		lines = List.copyOf(lines);
	}

	boolean any() {
		return !this.lines.isEmpty();
	}

	/**
	 * {@code the statement at f:6}, {@code the statements at f:6, f:7 and f:9}, or
	 * {@code the 12 statements from f:6 to f:40}.
	 */
	String statements() {
		List<String> places = this.lines.stream().map(this::at).toList();
		if (places.size() == 1) {
			return "the statement at " + places.get(0);
		}
		if (places.size() <= NAMED_ONE_BY_ONE) {
			return "the statements at " + String.join(", ", places.subList(0, places.size() - 1)) + " and "
					+ places.get(places.size() - 1);
		}
		return "the " + places.size() + " statements from " + places.get(0) + " to " + places.get(places.size() - 1);
	}

	/** What the history table's {@code partial_state} column records: which statements stayed, which failed. */
	String partialState() {
		return statements() + " ran and stayed applied (" + this.reason + "); " + at(this.failedLine) + " failed";
	}

	/** What the failure message adds to the database's own message. */
	String consequence() {
		return "NOT rolled back: " + statements() + " had run and stay" + ((this.lines.size() == 1) ? "s" : "")
				+ " applied (" + this.reason + ")";
	}

	private String at(int line) {
		return this.file + ":" + line;
	}

}
