package dev.migrations.report;

/** Where a revision stands in a database. */
public enum RevisionState {

	/** At or below a current revision. */
	APPLIED,
	/** Applied, and its script changed since (with checksum validation on). */
	CHANGED,
	/** Not applied yet. */
	PENDING,
	/** Named by the version table but found in no script. */
	UNKNOWN

}
