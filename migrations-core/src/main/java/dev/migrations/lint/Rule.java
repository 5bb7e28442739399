package dev.migrations.lint;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The lint rules: stable ids (squawk's where the meaning is the same), a severity and a one-line message.
 * {@code docs/lint.md} says for each why it hurts and the safe way.
 */
public enum Rule {

	REQUIRE_CONCURRENT_INDEX_CREATION("require-concurrent-index-creation", Severity.ERROR,
			"CREATE INDEX without CONCURRENTLY blocks writes to the table while the index builds"),
	REQUIRE_CONCURRENT_INDEX_DELETION("require-concurrent-index-deletion", Severity.ERROR,
			"DROP INDEX without CONCURRENTLY locks the table against reads and writes"),
	BAN_CONCURRENT_INDEX_CREATION_IN_TRANSACTION("ban-concurrent-index-creation-in-transaction", Severity.ERROR,
			"CREATE INDEX CONCURRENTLY cannot run inside a transaction; mark the revision 'Transactional: false'"),
	ADDING_REQUIRED_FIELD("adding-required-field", Severity.ERROR,
			"Adding a NOT NULL column without a DEFAULT fails on a table that has rows"),
	ADDING_FIELD_WITH_DEFAULT("adding-field-with-default", Severity.ERROR,
			"Adding a column with this default rewrites the whole table under an ACCESS EXCLUSIVE lock"),
	ADDING_NOT_NULLABLE_FIELD("adding-not-nullable-field", Severity.ERROR,
			"SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock; validate a CHECK (column IS NOT NULL) first"),
	CHANGING_COLUMN_TYPE("changing-column-type", Severity.ERROR,
			"Changing a column's type may rewrite the table and its indexes under an ACCESS EXCLUSIVE lock"),
	CONSTRAINT_MISSING_NOT_VALID("constraint-missing-not-valid", Severity.ERROR,
			"Adding a CHECK or FOREIGN KEY without NOT VALID scans the table while holding its lock"),
	ADDING_FOREIGN_KEY_CONSTRAINT("adding-foreign-key-constraint", Severity.WARNING,
			"Adding a foreign key locks both tables against writes while it is validated; add it NOT VALID, then VALIDATE"),
	DISALLOWED_UNIQUE_CONSTRAINT("disallowed-unique-constraint", Severity.ERROR,
			"Adding a UNIQUE constraint builds its index under an ACCESS EXCLUSIVE lock; build the index CONCURRENTLY and add it USING INDEX"),
	ADDING_SERIAL_PRIMARY_KEY_FIELD("adding-serial-primary-key-field", Severity.ERROR,
			"Adding a primary key builds its index under an ACCESS EXCLUSIVE lock; build a unique index CONCURRENTLY and add it USING INDEX"),
	RENAMING_COLUMN("renaming-column", Severity.ERROR,
			"Renaming a column breaks the application code still running against the old name"),
	RENAMING_TABLE("renaming-table", Severity.ERROR,
			"Renaming a table breaks the application code still running against the old name"),
	BAN_DROP_COLUMN("ban-drop-column", Severity.ERROR,
			"Dropping a column breaks the application code still reading it"),
	BAN_DROP_TABLE("ban-drop-table", Severity.ERROR,
			"Dropping a table breaks the application code still reading it, and its data is gone"),
	BAN_DROP_DATABASE("ban-drop-database", Severity.ERROR, "Dropping a database destroys all its data"),
	BAN_TRUNCATE_CASCADE("ban-truncate-cascade", Severity.ERROR,
			"TRUNCATE ... CASCADE also empties every table that references this one, however far"),
	BAN_CHAR_FIELD("ban-char-field", Severity.WARNING,
			"char(n) pads values with spaces and is no faster than text; use text or varchar"),
	PREFER_BIGINT_OVER_INT("prefer-bigint-over-int", Severity.WARNING,
			"A 32-bit integer column can run out of values; use bigint"),
	PREFER_IDENTITY("prefer-identity", Severity.WARNING,
			"serial types have surprising permissions and dump behaviour; use GENERATED ... AS IDENTITY"),
	PREFER_TIMESTAMPTZ("prefer-timestamptz", Severity.WARNING,
			"timestamp without time zone loses the offset; use timestamptz"),
	PREFER_TEXT_FIELD("prefer-text-field", Severity.WARNING,
			"Changing a varchar(n) limit later takes an ACCESS EXCLUSIVE lock; use text with a CHECK on its length"),
	REQUIRE_TIMEOUT_SETTINGS("require-timeout-settings", Severity.WARNING,
			"DDL on an existing table without a lock_timeout queues every query behind it while it waits for its lock"),
	IGNORE_WITHOUT_REASON("ignore-without-reason", Severity.ERROR,
			"A lint ignore must name the rules it silences and give the reason, as in '-- lint: ignore ban-drop-table <why>'");

	private static final Map<String, Rule> BY_ID = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(Rule::id, Function.identity()));

	private final String id;

	private final Severity severity;

	private final String message;

	Rule(String id, Severity severity, String message) {
		this.id = id;
		this.severity = severity;
		this.message = message;
	}

	public String id() {
		return this.id;
	}

	public Severity severity() {
		return this.severity;
	}

	public String message() {
		return this.message;
	}

	/** The rule with this id (exact, lower case), if there is one. */
	public static Optional<Rule> byId(String id) {
		return Optional.ofNullable(BY_ID.get(id));
	}

}
