package dev.migrations.graph;

import java.util.List;
import java.util.function.Supplier;

import dev.migrations.error.ErrorKind;

/**
 * The one boundary where the graph's own errors become messages a person can act on, in the context of the
 * command that met them (Alembic's {@code _catch_revision_errors}).
 *
 * @param rangeTemplate the message for a range whose ends are not ancestor and descendant, with {@code %(start)s}
 * and {@code %(end)s}; {@code null} for the default
 * @param multipleHeadsTemplate the message for several heads, with {@code %(head_arg)s}; {@code null} for the default
 * @param start the lower end of the command's range, for messages
 * @param end the upper end or destination, for messages
 * @param rows the database's version rows the command started from, to tell when they are what is wrong; empty
 * for none
 */
record RevisionErrors(String rangeTemplate, String multipleHeadsTemplate, String start, String end,
		List<String> rows) {

	static final RevisionErrors DEFAULT = new RevisionErrors(null, null, null, null);

	RevisionErrors {
		rows = List.copyOf(rows);
	}

	RevisionErrors(String rangeTemplate, String multipleHeadsTemplate, String start, String end) {
		this(rangeTemplate, multipleHeadsTemplate, start, end, List.of());
	}

	private static final String RANGE = "Requested range %(start)s:%(end)s does not refer to ancestor/descendant revisions along the same branch";

	private static final String MULTIPLE_HEADS = "Multiple head revisions are present for given argument '%(head_arg)s'; please specify a specific target revision, '<branchname>@%(head_arg)s' to narrow to a specific head, or 'heads' for all heads";

	static final String NOT_FOUND_HINT = "Run 'migrations history' to list revisions; name one by its full id, a unique prefix of at least four characters, or a branch label";

	<T> T run(Supplier<T> work) {
		try {
			return work.get();
		}
		catch (RevisionError ex) {
			throw translate(ex);
		}
	}

	GraphException translate(RevisionError error) {
		if (error instanceof RevisionError.RangeNotAncestor range) {
			String message = ((this.rangeTemplate != null) ? this.rangeTemplate : RANGE)
				.replace("%(start)s", String.valueOf((this.start != null) ? this.start : range.lower))
				.replace("%(end)s", String.valueOf((this.end != null) ? this.end : range.upper));
			return new GraphException(ErrorKind.TARGET, message + " (" + error.getMessage() + ")",
					"Run 'migrations history' to see the order of revisions; pick a range or target along one branch",
					error);
		}
		if (error instanceof RevisionError.MultipleHeads heads) {
			String message = ((this.multipleHeadsTemplate != null) ? this.multipleHeadsTemplate : MULTIPLE_HEADS)
				.replace("%(head_arg)s", (this.end != null) ? this.end : heads.argument);
			return new MultipleHeadsException(
					message + " ('" + heads.argument + "' names " + String.join(", ", heads.heads) + ")", heads.heads,
					"Name one head (a revision id or '<branchname>@head'), use 'heads' for all, or join them with 'migrations merge heads -m \"merge\"'");
		}
		if (error instanceof RevisionError.Resolution resolution) {
			return new RevisionNotFoundException(resolution.argument, error.getMessage(), NOT_FOUND_HINT);
		}
		if (error instanceof RevisionError.Overlap overlap && !this.rows.isEmpty()
				&& this.rows.containsAll(overlap.requested)) {
			return new GraphException(ErrorKind.STATE, error.getMessage() + " (the version table lists them all)",
					"The version table lists a revision together with one below it, as a stamp of both or an edit by "
							+ "hand leaves it; set it to the revisions the database is at, e.g. 'migrations stamp "
							+ "--purge " + String.join(" ", overlap.withoutOverlaps) + "'",
					error);
		}
		if (error instanceof RevisionError.OverlappingTargets overlapping) {
			return new GraphException(ErrorKind.TARGET, error.getMessage(),
					"Stamp " + overlapping.upper + " alone (it implies " + overlapping.lower
							+ "), or name revisions on separate branches; nothing was written",
					error);
		}
		if (error instanceof RevisionError.AmbiguousRelativeDowngrade ambiguous) {
			return new GraphException(ErrorKind.TARGET, error.getMessage(),
					"Say which branch to step down: '<branchname>@-1', or a revision id (current: "
							+ String.join(", ", ambiguous.current) + ")");
		}
		return new GraphException(ErrorKind.TARGET, error.getMessage(),
				"Run 'migrations history' and 'migrations current' to choose a target that exists along one branch");
	}

}
