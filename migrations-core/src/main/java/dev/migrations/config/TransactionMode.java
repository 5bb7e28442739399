package dev.migrations.config;

/** How revisions are wrapped in transactions. */
public enum TransactionMode {

	/** Each revision, with its version-table and history updates, in a transaction of its own (the default). */
	PER_REVISION,
	/** The whole run in one transaction, where the database has transactional DDL. */
	SINGLE

}
