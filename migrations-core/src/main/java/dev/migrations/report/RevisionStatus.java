package dev.migrations.report;

import java.time.Instant;
import java.util.List;

/**
 * One revision in a {@link StatusReport}, newest first.
 *
 * @param revision the id
 * @param revises the revisions it revises
 * @param message the message
 * @param branchLabels the labels that apply to it
 * @param dependsOn its declared dependencies
 * @param state applied, changed, pending or unknown
 * @param appliedAt when it was last applied (or stamped); {@code null} if unknown
 * @param executionMs how long its upgrade took; {@code null} if it was stamped or is not applied
 * @param checksumMatches {@code false} when the applied revision's script changed since
 */
public record RevisionStatus(String revision, List<String> revises, String message, List<String> branchLabels,
		List<String> dependsOn, RevisionState state, Instant appliedAt, Long executionMs, boolean checksumMatches) {

	public RevisionStatus {
		revises = List.copyOf(revises);
		branchLabels = List.copyOf(branchLabels);
		dependsOn = List.copyOf(dependsOn);
	}

}
