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
 * @param partialState for a failed step that left some of its statements applied (they ran and were not rolled
 * back), which ran and which failed, in words; {@code null} for every other row
 */
public record HistoryEntry(String revision, List<String> fromRevisions, List<String> toRevisions,
		HistoryOperation operation, String message, String checksum, String installedBy, Instant installedAt,
		Long executionMs, boolean success, String partialState) {

	public HistoryEntry {
		Objects.requireNonNull(revision, "revision");
		fromRevisions = List.copyOf(fromRevisions);
		toRevisions = List.copyOf(toRevisions);
		Objects.requireNonNull(operation, "operation");
		message = (message != null) ? message : "";
	}

	/** A row without a partial state: every row but a failure that left statements applied. */
	public HistoryEntry(String revision, List<String> fromRevisions, List<String> toRevisions,
			HistoryOperation operation, String message, String checksum, String installedBy, Instant installedAt,
			Long executionMs, boolean success) {
		this(revision, fromRevisions, toRevisions, operation, message, checksum, installedBy, installedAt, executionMs,
				success, null);
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
	 * The row for a step that failed after some of its statements ran and stayed applied.
	 * @param partialState which statements stayed applied and which failed, in words
	 */
	public static HistoryEntry leftPartial(MigrationStep step, String checksum, Instant installedAt, long executionMs,
			String partialState) {
		return new HistoryEntry(step.revision().id(), step.from(), step.to(), HistoryOperation.of(step.direction()),
				step.revision().message(), checksum, null, installedAt, executionMs, false,
				Objects.requireNonNull(partialState, "partialState"));
	}

	/**
	 * The row recording that the user fixed what a failed step left partly applied.
	 * @param failure the failed row
	 * @param rows the version rows, which a repair does not change
	 */
	public static HistoryEntry repair(HistoryEntry failure, List<String> rows, Instant installedAt) {
		return new HistoryEntry(failure.revision(), rows, rows, HistoryOperation.REPAIR, failure.message(), null, null,
				installedAt, 0L, true);
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

	/** Whether the row is a failed step that left some of its statements applied. */
	public boolean leftPartial() {
		return !this.success && this.partialState != null;
	}

	/** Whether the row makes its revision applied: an upgrade, or a stamp that wrote it. */
	boolean applies() {
		return this.operation == HistoryOperation.UPGRADE
				|| (this.operation == HistoryOperation.STAMP && this.toRevisions.contains(this.revision));
	}

}
