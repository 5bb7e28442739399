package dev.migrations.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import dev.migrations.lock.MigrationLock;
import dev.migrations.script.Timeouts;
import dev.migrations.sql.SqlSyntax;

/**
 * What differs between databases, and nothing else: how scripts split into statements, how identifiers are
 * quoted, the DDL of the engine's two tables, whether DDL is transactional, and how runs are kept apart.
 * The engine's rules live in the engine; a dialect stays small. {@link Dialects#detect} picks one for a
 * connection. Every implementation passes the shared dialect contract test against a real database.
 */
public interface Dialect {

	/** A short lower-case name: {@code postgresql}, {@code h2}, {@code mariadb}. */
	String name();

	/** Whether DDL takes part in transactions (so a failed revision rolls back whole, and mode {@code single} works). */
	boolean supportsTransactionalDdl();

	/**
	 * Whether sessions of one database run DDL side by side. H2 does not: its DDL takes one lock on the catalog,
	 * which the next session's DDL waits for until its lock timeout, so the tenants of one H2 database are
	 * migrated one at a time.
	 */
	default boolean runsDdlConcurrently() {
		return true;
	}

	/** The lexical syntax of this database's scripts, for the statement splitter. */
	SqlSyntax syntax();

	/**
	 * Quotes an identifier if it needs quoting (a case the database would fold, a reserved word, special
	 * characters), else returns it as is, so that {@code migrations_version} stays readable in plain SQL.
	 */
	String quote(String identifier);

	/** The schema-qualified, quoted name of a table; {@code schema} may be {@code null} for the connection's default. */
	default String qualify(String schema, String table) {
		return (schema != null) ? quote(schema) + "." + quote(table) : quote(table);
	}

	/** The schema a connection works in when none is configured (the database, on MariaDB); may be {@code null}. */
	String currentSchema(Connection connection) throws SQLException;

	/**
	 * Makes the schema the connection's default for unqualified names, as a tenant's scripts need: PostgreSQL's
	 * {@code search_path}, H2's {@code SET SCHEMA}, the current database on MariaDB. The schema must exist on H2 and
	 * MariaDB.
	 * @return the previous default, for {@link #restoreSchema}
	 */
	String useSchema(Connection connection, String schema) throws SQLException;

	/** Puts back the default that {@link #useSchema} returned, before a pooled connection goes back to its pool. */
	void restoreSchema(Connection connection, String previous) throws SQLException;

	/** Whether the schema, named as configured (and quoted by {@link #quote}), exists. */
	boolean schemaExists(Connection connection, String schema) throws SQLException;

	/**
	 * Whether the table exists where {@link #qualify} points: in {@code schema}, or where unqualified names
	 * resolve when {@code schema} is {@code null}. Reads catalogs only, so it is safe inside a transaction.
	 */
	boolean tableExists(Connection connection, String schema, String table) throws SQLException;

	/**
	 * Whether the failure says the table (or view) does not exist, or its schema: SQLSTATE {@code 42P01} on
	 * PostgreSQL, {@code 42S02} on MariaDB and H2 (which also says {@code 42S03} and {@code 42S04}, with candidates
	 * or for an empty database, and {@code 90079} for a missing schema). Lets a read try the table first and ask the
	 * catalogs only when it fails.
	 */
	default boolean isMissingTable(SQLException failure) {
		String state = failure.getSQLState();
		return "42P01".equals(state) || "42S02".equals(state) || "42S03".equals(state) || "42S04".equals(state);
	}

	/** {@code CREATE SCHEMA IF NOT EXISTS} for a configured schema. */
	String createSchema(String schema);

	/** DDL creating the version table ({@code version_num varchar(64) primary key}) if it does not exist. */
	String createVersionTable(String qualifiedName);

	/** DDL creating the append-only history table if it does not exist; see {@code HistoryTable} for its columns. */
	String createHistoryTable(String qualifiedName);

	/**
	 * DDL adding the history table's {@code partial_state} column (nullable) to a table created by an earlier
	 * version, which did not have it.
	 */
	default String addHistoryPartialStateColumn(String qualifiedName) {
		return StateTableDdl.addPartialStateColumn(qualifiedName);
	}

	/** A string literal for offline SQL, escaped so that any value (quotes, backslashes) reads back unchanged. */
	String stringLiteral(String value);

	/** The expression for the database user, for the history table's {@code installed_by}. */
	String currentUserExpression();

	/**
	 * The expression for the database's current time as a UTC timestamp without time zone, whatever the
	 * session's time zone, for offline SQL.
	 */
	String currentUtcTimestampExpression();

	/**
	 * The lock that keeps runs apart on this database. Its name comes from the schema (the connection's
	 * current one when {@code schema} is {@code null}) and the version table, so two version tables in one
	 * database do not block each other.
	 */
	MigrationLock lock(String schema, String versionTable);

	/**
	 * Whether the statement cannot run inside a transaction on this database ({@code CREATE INDEX CONCURRENTLY},
	 * {@code ALTER TYPE ... ADD VALUE}, {@code VACUUM}...), for the hint that suggests
	 * {@code -- Transactional: false}.
	 */
	boolean requiresNoTransaction(String statement);

	/**
	 * Whether the statement commits the open transaction when it runs (DDL, on a database without transactional
	 * DDL), so that it and what ran before it stay applied whatever fails later. Never true where
	 * {@link #supportsTransactionalDdl()} is. Erring towards {@code true} is safe: the engine commits around such a
	 * statement itself, so that what a failure leaves applied is known exactly.
	 */
	boolean commitsImplicitly(String statement);

	/**
	 * Sets a revision's lock and statement timeouts for what the connection runs next, and returns the statements
	 * that give the session its own timeouts back afterwards. With {@code transactionScoped} on a database that can
	 * scope settings to the open transaction (PostgreSQL's {@code SET LOCAL}), they end with it and nothing is
	 * returned; elsewhere they are the session's until the returned statements run. A timeout that is {@code null} is
	 * left as the session has it; {@link java.time.Duration#ZERO} means no limit.
	 */
	List<String> setTimeouts(Connection connection, Timeouts timeouts, boolean transactionScoped) throws SQLException;

}
