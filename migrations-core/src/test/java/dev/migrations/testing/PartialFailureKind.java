package dev.migrations.testing;

/**
 * The three ways a failed revision leaves earlier statements applied, for the tests of that failure in the engine
 * and through the built jar: DDL that H2 or MariaDB commits at once, and a PostgreSQL revision run outside a
 * transaction.
 */
public enum PartialFailureKind {

	H2("Transactional: true", "h2 commits DDL at once"),

	MARIADB("Transactional: true", "mariadb commits DDL at once"),

	POSTGRESQL("Transactional: false", "the revision runs outside a transaction");

	private final String header;

	private final String reason;

	PartialFailureKind(String header, String reason) {
		this.header = header;
		this.reason = reason;
	}

	/** The script header line that makes the revision fail this way. */
	public String header() {
		return this.header;
	}

	/** Why the statements stay applied, as the failure message says it. */
	public String reason() {
		return this.reason;
	}

}
