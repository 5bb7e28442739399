package dev.migrations.error;

/** The kinds of failure, stable names for {@code --json} output and monitoring. */
public enum ErrorKind {

	/** A script file or Java migration could not be read or parsed. */
	SCRIPT,
	/** The revision graph is invalid: duplicate ids, dangling references, cycles, reused labels. */
	GRAPH,
	/** A revision, label or prefix names nothing, or names several revisions. */
	REVISION_NOT_FOUND,
	/** {@code head} (or another single target) was asked for while several heads exist. */
	MULTIPLE_HEADS,
	/** A target that is not valid for the command: a bad relative step, range or downgrade destination. */
	TARGET,
	/** A downgrade would cross a revision that has no downgrade section. */
	IRREVERSIBLE,
	/** An applied revision's script changed after it was applied. */
	CHECKSUM,
	/** A statement failed in the database. */
	SQL,
	/** The migration lock could not be taken in time. */
	LOCK,
	/** The database could not be reached. */
	CONNECTION,
	/** The database is not where the command needs it: not at head, or its state is inconsistent. */
	STATE,
	/** The configuration is invalid. */
	CONFIG,
	/** Files could not be written or read for authoring commands. */
	IO

}
