package dev.migrations.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The answer of {@code check}: whether the database is at the target with every applied checksum matching.
 *
 * @param current the version rows
 * @param target the rows the database should hold
 * @param pending revisions still to apply, in the order they would run
 * @param checksumMismatches applied revisions whose script changed (empty when validation is off)
 */
public record CheckReport(List<String> current, List<String> target, List<String> pending,
		List<String> checksumMismatches) {

	/** What to do about applied scripts that changed, wherever a command meets them. */
	public static final String CHECKSUM_HINT = "Restore the applied script(s) as they were and put the change in a new "
			+ "revision; or, if the edit is harmless, turn checksum validation off (command line: "
			+ "--no-validate-checksums; property: migrations.validate-checksums=false)";

	public CheckReport {
		current = List.copyOf(current);
		target = List.copyOf(target);
		pending = List.copyOf(pending);
		checksumMismatches = List.copyOf(checksumMismatches);
	}

	public boolean ok() {
		return this.pending.isEmpty() && this.checksumMismatches.isEmpty();
	}

	/** One line per problem, empty when {@link #ok()}. */
	public List<String> problems() {
		List<String> problems = new ArrayList<>();
		if (!this.pending.isEmpty()) {
			problems.add("Database is not up to date: " + this.pending.size() + " pending revision(s): "
					+ String.join(", ", this.pending));
		}
		for (String id : this.checksumMismatches) {
			problems.add("Checksum mismatch: applied revision " + id + " was changed after it was applied");
		}
		return problems;
	}

}
