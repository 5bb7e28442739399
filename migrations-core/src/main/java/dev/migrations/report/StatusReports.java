package dev.migrations.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migrations.graph.Revision;
import dev.migrations.graph.RevisionGraph;
import dev.migrations.graph.RevisionQueries;
import dev.migrations.graph.Target;
import dev.migrations.state.HistoryEntry;

/**
 * Builds the {@link StatusReport} behind {@code status}, the Actuator endpoint and the health indicator from what
 * the database recorded and what the graph says, never failing on an unknown revision or a changed script.
 */
public final class StatusReports {

	private final Listings listings;

	private final RevisionQueries queries;

	public StatusReports(Listings listings) {
		this.listings = listings;
		this.queries = listings.queries();
	}

	/**
	 * What is left to run from the known version rows.
	 *
	 * @param toTarget the revisions an upgrade to the target would run
	 * @param toHeads the revisions an upgrade to every head would run
	 */
	public record Pending(List<String> toTarget, List<String> toHeads) {
	}

	/**
	 * @param rows the version rows, unknown ones included
	 * @param applied the history's applied entries, by revision
	 * @param mismatches the applied revisions whose script changed since
	 * @param pending what is left to run
	 */
	public StatusReport report(List<String> rows, Map<String, HistoryEntry> applied, List<String> mismatches,
			Pending pending) {
		RevisionGraph graph = this.queries.graph();
		List<String> unknown = rows.stream().filter((row) -> !graph.contains(row)).toList();
		List<String> known = rows.stream().filter(graph::contains).toList();
		Set<String> appliedIds = this.queries.applied(known);
		List<RevisionStatus> history = new ArrayList<>();
		for (String id : unknown) {
			history.add(unknownRevision(id, applied.get(id)));
		}
		for (RevisionView view : this.listings.history(Target.Range.ALL, List.of(), false)) {
			Revision revision = view.revision();
			HistoryEntry entry = appliedIds.contains(revision.id()) ? applied.get(revision.id()) : null;
			boolean changed = mismatches.contains(revision.id());
			RevisionState state = !appliedIds.contains(revision.id()) ? RevisionState.PENDING
					: changed ? RevisionState.CHANGED : RevisionState.APPLIED;
			history.add(new RevisionStatus(revision.id(), revision.downRevisions(), revision.message(),
					view.branchLabels(), revision.dependsOn(), state, (entry != null) ? entry.installedAt() : null,
					(entry != null) ? entry.executionMs() : null, !changed));
		}
		boolean upToDate = unknown.isEmpty() && pending.toTarget().isEmpty();
		return new StatusReport(rows, graph.heads(), upToDate, pending.toHeads(), unknown, mismatches, history);
	}

	/** A version row no script defines, with what the history says of it. */
	private static RevisionStatus unknownRevision(String id, HistoryEntry entry) {
		return new RevisionStatus(id, List.of(), (entry != null) ? entry.message() : "", List.of(), List.of(),
				RevisionState.UNKNOWN, (entry != null) ? entry.installedAt() : null,
				(entry != null) ? entry.executionMs() : null, true);
	}

}
