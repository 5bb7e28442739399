package dev.migrations.conformance;

import java.util.List;

/**
 * One command of a scenario with what Alembic did.
 *
 * @param index the step's position in the scenario (0-based, as deviations.json counts)
 * @param command {@code upgrade}, {@code downgrade}, {@code stamp}, {@code current}, {@code heads},
 * {@code branches}, {@code history}, {@code show} or {@code _set_version_rows}
 * @param args the command-line arguments after the command name
 * @param expect what Alembic did
 * @param alternatives other outcomes Alembic showed under other hash seeds (set-ordered behaviour); any one of
 * {@code expect} and these is accepted
 * @param orderingOnly whether the hash-seed variation is only in the order of listed items
 */
public record ScenarioStep(int index, String command, List<String> args, Expectation expect,
		List<Expectation> alternatives, boolean orderingOnly) {

	public ScenarioStep {
		args = List.copyOf(args);
		alternatives = List.copyOf(alternatives);
	}

	/** {@code expect} followed by the alternatives. */
	public List<Expectation> acceptable() {
		return java.util.stream.Stream.concat(java.util.stream.Stream.of(this.expect), this.alternatives.stream())
			.toList();
	}

	@Override
	public String toString() {
		return this.index + ": " + this.command + " " + String.join(" ", this.args);
	}

}
