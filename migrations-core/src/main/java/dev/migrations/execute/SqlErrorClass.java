package dev.migrations.execute;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * The classes of database error that call for their own advice, told apart by SQLSTATE (and, where MariaDB and H2
 * share one SQLSTATE between classes, by vendor code): the one place that turns a database's failure into a hint.
 * A failure of another class keeps the hint of the place it happened, which is about the statement itself.
 */
public enum SqlErrorClass {

	/** PostgreSQL 42501, H2 90096, MariaDB 1142/1143/1044/1227 (SQLSTATE 42000). */
	INSUFFICIENT_PRIVILEGE(Set.of("42501", "90096"), Set.of(1142, 1143, 1044, 1227),
			"The database user lacks a privilege this needs (the message names the object): grant it, or run"
					+ " migrations as a user that owns the schema"),
	/** 25006 (PostgreSQL, MariaDB), H2 90097, MariaDB 1290 (a read-only server). */
	READ_ONLY(Set.of("25006", "90097"), Set.of(1290, 1792),
			"The connection is read-only (a replica, or default_transaction_read_only): connect to the primary"
					+ " database as a user that may write"),
	/** PostgreSQL 42P01, MariaDB and H2 42S02 (H2 42S04 in an empty database). */
	UNDEFINED_TABLE(Set.of("42P01", "42S02", "42S04"), Set.of(),
			"A table it names does not exist: check the name and the schema, and that the revision creating it"
					+ " comes before this one",
			"A table of this tool is missing: check --schema and the table names (migrations.schema,"
					+ " migrations.version-table, migrations.history-table)"),
	/** PostgreSQL 42703, MariaDB and H2 42S22. */
	UNDEFINED_COLUMN(Set.of("42703", "42S22"), Set.of(),
			"A column it names does not exist: check the name, and that the revision adding it comes before this one",
			"The table is not one of this tool's: check that --version-table and --history-table"
					+ " (migrations.version-table, migrations.history-table) name the tables this tool created"),
	/** PostgreSQL 42P07, 42710, 42701, 42723; MariaDB and H2 42S01, 42S21. */
	DUPLICATE_OBJECT(Set.of("42P07", "42710", "42701", "42723", "42S01", "42S21"), Set.of(),
			"An object it creates already exists: drop it if it was made by hand, or write the statement with"
					+ " IF NOT EXISTS"),
	/** PostgreSQL 42601, H2 42000/42001, MariaDB 1064 (SQLSTATE 42000). */
	SYNTAX(Set.of("42601", "42001"), Set.of(1064, 42000, 42001),
			"The statement is not valid SQL for this database: fix its syntax where the message points"),
	/** 23xxx: unique, not-null, foreign-key and check constraints. */
	INTEGRITY(Set.of("23"), Set.of(),
			"The data breaks a constraint (unique, not null, foreign key or check): fix the data, or the statement"),
	/** PostgreSQL 55P03 (lock_timeout, NOWAIT), H2 HYT00, MariaDB 1205. */
	LOCK_TIMEOUT(Set.of("55P03", "HYT00"), Set.of(1205),
			"Another session held a lock this statement needed for longer than the lock timeout: let it finish"
					+ " (or stop it), then run the command again"),
	/** PostgreSQL 57014 (statement_timeout, or cancelled), MariaDB 1969. */
	STATEMENT_TIMEOUT(Set.of("57014", "70100"), Set.of(1969),
			"The statement was cancelled (a statement timeout, or an operator): raise the timeout or run when the"
					+ " database is less busy, then run the command again"),
	/** PostgreSQL 40P01; 40001 on H2 (vendor code 40001) and MariaDB (1213). */
	DEADLOCK(Set.of("40P01"), Set.of(1213, 40001),
			"It deadlocked with another session, which the database let win: run the command again, when nothing"
					+ " else changes these tables"),
	/** 40001 elsewhere: PostgreSQL's serialization failure. */
	SERIALIZATION(Set.of("40001"), Set.of(),
			"A concurrent transaction changed the same data (serialization failure): run the command again"),
	/**
	 * 08xxx; PostgreSQL 57P01-57P03 (the server shut down or restarted, or an operator terminated the session);
	 * H2 90067 (the connection is broken).
	 */
	CONNECTION(Set.of("08", "57P01", "57P02", "57P03", "90067"), Set.of(),
			"The connection to the database failed or was lost: check that it is running and reachable, then run"
					+ " the command again"),
	/** 28xxx. */
	AUTHENTICATION(Set.of("28"), Set.of(1045),
			"The database refused the user or password: check them (--user, --password, or the URL's user:pass@)"),
	/** PostgreSQL 3D000, MariaDB 1049. */
	UNDEFINED_DATABASE(Set.of("3D000"), Set.of(1049),
			"The database does not exist: create it, or fix its name in the URL"),
	/** PostgreSQL 3F000, H2 90079. */
	UNDEFINED_SCHEMA(Set.of("3F000", "90079"), Set.of(),
			"The schema does not exist: create it, or fix its name (--schema, migrations.schema)");

	private static final SqlErrorClass[] ALL = values();

	/** SQLSTATEs, or two-character SQLSTATE classes ({@code 08}, {@code 23}, {@code 28}). */
	private final Set<String> sqlStates;

	private final Set<Integer> vendorCodes;

	private final String hint;

	private final String stateTableHint;

	SqlErrorClass(Set<String> sqlStates, Set<Integer> vendorCodes, String hint) {
		this(sqlStates, vendorCodes, hint, hint);
	}

	SqlErrorClass(Set<String> sqlStates, Set<Integer> vendorCodes, String hint, String stateTableHint) {
		this.sqlStates = sqlStates;
		this.vendorCodes = vendorCodes;
		this.hint = hint;
		this.stateTableHint = stateTableHint;
	}

	/** The class of a failure ({@link #innermost} of it), or empty for one without advice of its own. */
	public static Optional<SqlErrorClass> of(SQLException failure) {
		SQLException cause = innermost(failure);
		String state = (cause.getSQLState() != null) ? cause.getSQLState() : "";
		// Vendor codes first: MariaDB reports privileges, syntax and more as 42000, and 40001 is H2's deadlock.
		for (SqlErrorClass candidate : ALL) {
			if (cause.getErrorCode() != 0 && candidate.vendorCodes.contains(cause.getErrorCode())) {
				return Optional.of(candidate);
			}
		}
		for (SqlErrorClass candidate : ALL) {
			if (candidate.sqlStates.contains(state)
					|| (state.length() == 5 && candidate.sqlStates.contains(state.substring(0, 2)))) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	/**
	 * The failure that says what went wrong: a batch's own exception only says that an entry was aborted and to
	 * "call getNextException", so it is the next one, the database's message.
	 */
	public static SQLException innermost(SQLException failure) {
		SQLException cause = failure;
		while (cause instanceof BatchUpdateException && cause.getNextException() != null) {
			cause = cause.getNextException();
		}
		return cause;
	}

	/** Whether the failure is the database user's missing right to write: a privilege, or a read-only connection. */
	public boolean isMissingRight() {
		return this == INSUFFICIENT_PRIVILEGE || this == READ_ONLY;
	}

	/** What to do about a statement of a revision that failed this way. */
	public String hint() {
		return this.hint;
	}

	/** What to do when reading or writing this tool's version and history tables failed this way. */
	public String stateTableHint() {
		return this.stateTableHint;
	}

}
