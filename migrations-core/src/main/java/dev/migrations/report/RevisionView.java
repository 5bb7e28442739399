package dev.migrations.report;

import java.util.List;

import dev.migrations.graph.Revision;

/**
 * A revision as the listing commands show it ({@code heads}, {@code branches}, {@code history},
 * {@code current}, {@code show}): the declared header plus what the graph and the database say about it.
 *
 * @param revision the declared header
 * @param branchLabels the labels that apply to it (declared and propagated, as Alembic propagates them)
 * @param nextRevisions the revisions that revise it directly
 * @param head no revision revises it or depends on it
 * @param effectiveHead no revision revises it, but some revision depends on it
 * @param branchPoint more than one revision revises it
 * @param mergePoint it revises more than one revision
 * @param current it is a current revision of the database (only where the command reads the database)
 * @param location the file or class it came from
 * @param checksum the checksum of its script; {@code null} for a Java migration
 */
public record RevisionView(Revision revision, List<String> branchLabels, List<String> nextRevisions, boolean head,
		boolean effectiveHead, boolean branchPoint, boolean mergePoint, boolean current, String location,
		String checksum) {

	public RevisionView {
		branchLabels = List.copyOf(branchLabels);
		nextRevisions = List.copyOf(nextRevisions);
	}

	public String id() {
		return this.revision.id();
	}

}
