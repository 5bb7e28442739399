package dev.migrations.graph;

import java.util.List;

/**
 * The graph's own errors, as Alembic's revision map raises them. They carry the ids involved and never leave
 * the graph package: {@link RevisionErrors} turns them into messages with hints, in the context of the command
 * that ran into them.
 */
class RevisionError extends RuntimeException {

	RevisionError(String message) {
		super(message, null, false, false);
	}

	/** A range whose lower end is not an ancestor of its upper end. */
	static final class RangeNotAncestor extends RevisionError {

		final String lower;

		final String upper;

		RangeNotAncestor(String lower, String upper) {
			super("Revision " + ((lower != null) ? lower : "base") + " is not an ancestor of revision "
					+ ((upper != null) ? upper : "base"));
			this.lower = lower;
			this.upper = upper;
		}

	}

	/** A single revision was asked for and several heads answered. */
	static final class MultipleHeads extends RevisionError {

		final List<String> heads;

		final String argument;

		MultipleHeads(List<String> heads, String argument) {
			super("Multiple heads are present for given argument '" + argument + "'; " + String.join(", ", heads));
			this.heads = List.copyOf(heads);
			this.argument = argument;
		}

	}

	/** An identifier that names no revision, or several. */
	static final class Resolution extends RevisionError {

		final String argument;

		Resolution(String message, String argument) {
			super(message);
			this.argument = argument;
		}

	}

	/** A requested revision that another requested revision reaches: one implies the other. */
	static final class Overlap extends RevisionError {

		final List<String> requested;

		final List<String> withoutOverlaps;

		/**
		 * @param target the revision whose walk met the others
		 * @param overlaps the requested revisions it met
		 * @param requested every requested revision
		 * @param withoutOverlaps the requested revisions that no other requested revision reaches going down
		 */
		Overlap(String target, List<String> overlaps, List<String> requested, List<String> withoutOverlaps) {
			super("Requested revision " + target + " overlaps with other requested revisions "
					+ String.join(", ", overlaps));
			this.requested = List.copyOf(requested);
			this.withoutOverlaps = List.copyOf(withoutOverlaps);
		}

	}

	/** Two targets of one stamp of which one is below the other: the rows would overlap. */
	static final class OverlappingTargets extends RevisionError {

		final String lower;

		final String upper;

		OverlappingTargets(String lower, String upper) {
			super("Can't stamp " + lower + " and " + upper + " together: " + lower + " is below " + upper
					+ " (an ancestor or a dependency), so the version rows would overlap");
			this.lower = lower;
			this.upper = upper;
		}

	}

	/** {@code downgrade -N} from several current revisions: Alembic guesses, we ask. */
	static final class AmbiguousRelativeDowngrade extends RevisionError {

		final List<String> current;

		AmbiguousRelativeDowngrade(List<String> current, String relative) {
			super("Ambiguous downgrade " + relative + " from multiple current revisions " + String.join(", ", current));
			this.current = List.copyOf(current);
		}

	}

}
