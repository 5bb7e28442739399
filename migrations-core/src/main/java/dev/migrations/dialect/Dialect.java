package dev.migrations.dialect;

import java.sql.Connection;
import java.sql.SQLException;

import dev.migrations.lock.MigrationLock;
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

	/** The lexical syntax of this database's scripts, for the statement splitter. */
	SqlSyntax syntax();

	/** Quotes an identifier if it needs quoting (mixed case, reserved, special characters), else returns it as is. */
	String quote(String identifier);

	/** The schema-qualified, quoted name of a table; {@code schema} may be {@code null} for the connection's default. */
	default String qualify(String schema, String table) {
		return (schema != null) ? quote(schema) + "." + quote(table) : quote(table);
	}

	/** The schema a connection works in when none is configured. */
	String currentSchema(Connection connection) throws SQLException;

	/** {@code CREATE SCHEMA IF NOT EXISTS} for a configured schema. */
	String createSchema(String schema);

	/** DDL creating the version table ({@code version_num varchar(64) primary key}) if it does not exist. */
	String createVersionTable(String qualifiedName);

	/** DDL creating the append-only history table if it does not exist; see {@code HistoryTable} for its columns. */
	String createHistoryTable(String qualifiedName);

	/** The expression for the database user, for the history table's {@code installed_by}. */
	String currentUserExpression();

	/**
	 * The lock that keeps runs apart on this database, keyed by {@code lockName} (derived from the schema and the
	 * version table, so two version tables in one database do not block each other).
	 */
	MigrationLock lock(String lockName);

	/**
	 * Whether the statement cannot run inside a transaction on this database ({@code CREATE INDEX CONCURRENTLY},
	 * {@code ALTER TYPE ... ADD VALUE} before PostgreSQL 12, {@code VACUUM}...), for the hint that suggests
	 * {@code -- Transactional: false}.
	 */
	boolean requiresNoTransaction(String statement);

}
