package dev.migrations.script;

import dev.migrations.graph.Revision;

/**
 * A loaded revision: its graph node plus what it runs.
 *
 * @param revision the header as a graph node
 * @param sortKey the file name (or a Java migration's simple class name): load order is code-point order of this
 * @param location a readable description of where it came from (path or class name), for messages
 * @param upgrade what the upgrade runs
 * @param downgrade what the downgrade runs; {@code null} for an irreversible revision
 * @param transactional {@code false} runs the revision outside a transaction
 * @param checksum SHA-256 (hex) of the upgrade and downgrade sections with normalised line endings;
 * {@code null} for a Java migration
 * @param createDate the {@code Create Date} header, or {@code null}
 * @param lintIgnore the {@code Lint Ignore} header ({@code <rule-id>[, ...] <reason>}), or {@code null}
 * @param timeouts the {@code Lock Timeout} and {@code Statement Timeout} headers, which override the run's
 */
public record RevisionScript(Revision revision, String sortKey, String location, MigrationBody upgrade,
		MigrationBody downgrade, boolean transactional, String checksum, String createDate, HeaderField lintIgnore,
		Timeouts timeouts) {

	/** A revision without {@code Lint Ignore} and timeout headers. */
	public RevisionScript(Revision revision, String sortKey, String location, MigrationBody upgrade,
			MigrationBody downgrade, boolean transactional, String checksum, String createDate) {
		this(revision, sortKey, location, upgrade, downgrade, transactional, checksum, createDate, null,
				Timeouts.NONE);
	}

	public String id() {
		return this.revision.id();
	}

	public boolean isReversible() {
		return this.downgrade != null;
	}

}
