package dev.migrations.execute;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.script.RevisionScript;
import dev.migrations.state.HistoryEntry;
import dev.migrations.state.HistorySummary;

/**
 * The one place that words what to do about a revision left partly applied: when it fails, and on every later
 * run, which refuses to run any revision until the user has fixed the database and said so with
 * {@code migrations repair} (changes undone) or {@code migrations stamp} (revision completed by hand).
 */
final class PartialFailures {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	private PartialFailures() {
	}

	/** The hint of the failure that left the statements applied. */
	static String hint(LeftApplied left, List<String> to) {
		return "Undo what " + left.statements() + " did, run 'migrations repair', then fix the statement in "
				+ left.file() + " and run the command again (or complete the revision by hand and run '"
				+ stampCommand(to) + "')";
	}

	/** Fails, naming each revision, its file and the statements that stayed applied, while any is unresolved. */
	static void refuseToRun(HistorySummary history, LoadedScripts scripts) {
		List<HistoryEntry> failures = history.leftPartial();
		if (failures.isEmpty()) {
			return;
		}
		HistoryEntry last = failures.get(failures.size() - 1);
		throw new MigrationsException(ErrorKind.STATE,
				failures.stream().map((failure) -> describe(failure, scripts)).collect(Collectors.joining("; also "))
						+ "; no revision runs until this is fixed",
				"Undo what those statements did and run 'migrations repair', or complete the revision by hand and run '"
						+ stampCommand(last.toRevisions())
						+ "'; then run the command again");
	}

	private static String describe(HistoryEntry failure, LoadedScripts scripts) {
		RevisionScript script = scripts.byId().get(failure.revision());
		String file = (script != null) ? " (" + script.location() + ")" : "";
		return "Revision " + failure.revision() + file + " was left partly applied by its failed "
				+ failure.operation().value() + " at " + WHEN.format(failure.installedAt()) + ": "
				+ failure.partialState();
	}

	/**
	 * The stamp that records the step as completed, from the right of its arrow: the revision after an upgrade,
	 * the revisions below it after a downgrade ({@code base} for none).
	 */
	static String stampCommand(List<String> to) {
		return "migrations stamp " + (to.isEmpty() ? "base" : String.join(" ", to));
	}

}
