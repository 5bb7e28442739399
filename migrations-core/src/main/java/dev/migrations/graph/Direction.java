package dev.migrations.graph;

/** Which way a migration step runs. */
public enum Direction {

	UP("upgrade"), DOWN("downgrade");

	private final String verb;

	Direction(String verb) {
		this.verb = verb;
	}

	/** {@code upgrade} or {@code downgrade}, as in the log lines and the history table. */
	public String verb() {
		return this.verb;
	}

}
