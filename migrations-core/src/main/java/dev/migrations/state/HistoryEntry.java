package dev.migrations.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.migrations.graph.MigrationStep;
import dev.migrations.graph.StampStep;

/**
 * One row of the history table: a revision's upgrade or downgrade, or one revision written or removed by a
 * stamp step.
 *
 * @param revision the revision the row is about: the one upgraded, the one downgraded, or the one a stamp
 * wrote or removed
 * @param fromRevisions the version rows on the left of the step's arrow ({@code a -> b})
 * @param toRevisions the version rows on the right of the step's arrow
 * @param operation upgrade, downgrade or stamp
 * @param message the revision's message; empty for none (and for stamps)
 * @param checksum the checksum of the revision's script; {@code null} where nothing can be compared later
 * (a stamp, a Java migration)
 * @param installedBy the database user; {@code null} when appending lets the database fill in its current user
 * @param installedAt when the step ran, in UTC; {@code null} when appending lets the database's clock fill it in
 * @param executionMs how long the step took; {@code null} where unknown (offline SQL)
 * @param success whether the step succeeded
 */
public record HistoryEntry(String revision, List<String> fromRevisions, List<String> toRevisions,
		HistoryOperation operation, String message, String checksum, String installedBy, Instant installedAt,
		Long executionMs, boolean success) {

	public HistoryEntry {
		Objects.requireNonNull(revision, "revision");
		fromRevisions = List.copyOf(fromRevisions);
		toRevisions = List.copyOf(toRevisions);
		Objects.requireNonNull(operation, "operation");
		message = (message != null) ? message : "";
	}

	/**
	 * The row for a step that ran a revision's upgrade or downgrade.
	 * @param installedAt {@code null} for the database's clock (offline SQL)
	 * @param executionMs {@code null} where unknown (offline SQL)
	 */
	public static HistoryEntry of(MigrationStep step, String checksum, Instant installedAt, Long executionMs,
			boolean success) {
		return new HistoryEntry(step.revision().id(), step.from(), step.to(), HistoryOperation.of(step.direction()),
				step.revision().message(), checksum, null, installedAt, executionMs, success);
	}

	/**
	 * The rows for a stamp step: one for each revision it writes, then one for each it removes.
	 * @param installedAt {@code null} for the database's clock (offline SQL)
	 * @param executionMs {@code null} where unknown (offline SQL)
	 */
	public static List<HistoryEntry> of(StampStep step, Instant installedAt, Long executionMs) {
		List<String> revisions = new ArrayList<>();
		step.to().stream().filter((revision) -> !step.from().contains(revision)).forEach(revisions::add);
		step.from().stream().filter((revision) -> !step.to().contains(revision)).forEach(revisions::add);
		return revisions.stream()
			.map((revision) -> new HistoryEntry(revision, step.from(), step.to(), HistoryOperation.STAMP, "", null,
					null, installedAt, executionMs, true))
			.toList();
	}

	/** Whether the row makes its revision applied: an upgrade, or a stamp that wrote it. */
	boolean applies() {
		return this.operation == HistoryOperation.UPGRADE
				|| (this.operation == HistoryOperation.STAMP && this.toRevisions.contains(this.revision));
	}

}
