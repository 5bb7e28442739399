package dev.migrations.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.migrations.lock.MigrationLock;
import dev.migrations.script.Timeouts;
import dev.migrations.sql.SqlSyntax;

/**
 * PostgreSQL 13 and later: transactional DDL, unquoted identifiers folded to lower case, session-level
 * advisory locks.
 */
public final class PostgresDialect implements Dialect {

	private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

	/**
	 * The keywords that {@code quote_ident} quotes: reserved, type/function-name and column-name keywords
	 * ({@code pg_get_keywords()} categories R, T and C), including those newer releases added.
	 */
	private static final Set<String> KEYWORDS = Set.of("ALL", "ANALYSE", "ANALYZE", "AND", "ANY", "ARRAY", "AS",
			"ASC", "ASYMMETRIC", "AUTHORIZATION", "BETWEEN", "BIGINT", "BINARY", "BIT", "BOOLEAN", "BOTH", "CASE",
			"CAST", "CHAR", "CHARACTER", "CHECK", "COALESCE", "COLLATE", "COLLATION", "COLUMN", "CONCURRENTLY",
			"CONSTRAINT", "CREATE", "CROSS", "CURRENT_CATALOG", "CURRENT_DATE", "CURRENT_ROLE", "CURRENT_SCHEMA",
			"CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER", "DEC", "DECIMAL", "DEFAULT", "DEFERRABLE", "DESC",
			"DISTINCT", "DO", "ELSE", "END", "EXCEPT", "EXISTS", "EXTRACT", "FALSE", "FETCH", "FLOAT", "FOR",
			"FOREIGN", "FREEZE", "FROM", "FULL", "GRANT", "GREATEST", "GROUP", "GROUPING", "HAVING", "ILIKE", "IN",
			"INITIALLY", "INNER", "INOUT", "INT", "INTEGER", "INTERSECT", "INTERVAL", "INTO", "IS", "ISNULL", "JOIN",
			"JSON_ARRAY", "JSON_ARRAYAGG", "JSON_EXISTS", "JSON_OBJECT", "JSON_OBJECTAGG", "JSON_QUERY",
			"JSON_SCALAR", "JSON_SERIALIZE", "JSON_TABLE", "JSON_VALUE", "LATERAL", "LEADING", "LEAST", "LEFT",
			"LIKE", "LIMIT", "LOCALTIME", "LOCALTIMESTAMP", "MERGE_ACTION", "NATIONAL", "NATURAL", "NCHAR", "NONE",
			"NORMALIZE", "NOT", "NOTNULL", "NULL", "NULLIF", "NUMERIC", "OFFSET", "ON", "ONLY", "OR", "ORDER", "OUT",
			"OUTER", "OVERLAPS", "OVERLAY", "PLACING", "POSITION", "PRECISION", "PRIMARY", "REAL", "REFERENCES",
			"RETURNING", "RIGHT", "ROW", "SELECT", "SESSION_USER", "SETOF", "SIMILAR", "SMALLINT", "SOME",
			"SUBSTRING", "SYMMETRIC", "SYSTEM_USER", "TABLE", "TABLESAMPLE", "THEN", "TIME", "TIMESTAMP", "TO",
			"TRAILING", "TREAT", "TRIM", "TRUE", "UNION", "UNIQUE", "USER", "USING", "VALUES", "VARCHAR", "VARIADIC",
			"VERBOSE", "WHEN", "WHERE", "WINDOW", "WITH", "XMLATTRIBUTES", "XMLCONCAT", "XMLELEMENT", "XMLEXISTS",
			"XMLFOREST", "XMLNAMESPACES", "XMLPARSE", "XMLPI", "XMLROOT", "XMLSERIALIZE", "XMLTABLE");

	@Override
	public String name() {
		return "postgresql";
	}

	@Override
	public boolean supportsTransactionalDdl() {
		return true;
	}

	@Override
	public SqlSyntax syntax() {
		return SqlSyntax.POSTGRESQL;
	}

	@Override
	public String quote(String identifier) {
		boolean plain = PLAIN_IDENTIFIER.matcher(identifier).matches()
				&& !KEYWORDS.contains(identifier.toUpperCase(Locale.ROOT));
		return plain ? identifier : SqlText.quoted(identifier, '"');
	}

	@Override
	public String currentSchema(Connection connection) throws SQLException {
		return connection.getSchema();
	}

	/** Reads the previous {@code search_path} and sets the new one in one round trip. */
	@Override
	public String useSchema(Connection connection, String schema) throws SQLException {
		return setSearchPath(connection, "SELECT current_setting('search_path'), set_config('search_path', ?, false)",
				quote(schema));
	}

	@Override
	public void restoreSchema(Connection connection, String previous) throws SQLException {
		setSearchPath(connection, "SELECT NULL, set_config('search_path', ?, false)", previous);
	}

	private static String setSearchPath(Connection connection, String sql, String searchPath) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, searchPath);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getString(1);
			}
		}
	}

	@Override
	public boolean schemaExists(Connection connection, String schema) throws SQLException {
		// Unquoted names are lower case already, so the configured name is the stored name.
		return Catalogs.anyRow(connection, "SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?", schema);
	}

	@Override
	public boolean tableExists(Connection connection, String schema, String table) throws SQLException {
		// to_regclass resolves an unqualified name through the search_path, exactly as the statements will.
		return Catalogs.anyRow(connection, "SELECT 1 WHERE to_regclass(?) IS NOT NULL", qualify(schema, table));
	}

	@Override
	public String createSchema(String schema) {
		return "CREATE SCHEMA IF NOT EXISTS " + quote(schema);
	}

	@Override
	public String createVersionTable(String qualifiedName) {
		return StateTableDdl.versionTable(qualifiedName);
	}

	@Override
	public String createHistoryTable(String qualifiedName) {
		return StateTableDdl.historyTable(qualifiedName, "bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
				"timestamp");
	}

	/**
	 * An escape string ({@code E'...'}) where the value has a backslash, so that the value reads back the
	 * same whatever {@code standard_conforming_strings} says.
	 */
	@Override
	public String stringLiteral(String value) {
		return value.contains("\\") ? "E" + SqlText.standardLiteral(value.replace("\\", "\\\\"))
				: SqlText.standardLiteral(value);
	}

	@Override
	public String currentUserExpression() {
		return "current_user";
	}

	@Override
	public String currentUtcTimestampExpression() {
		return "(now() AT TIME ZONE 'UTC')";
	}

	@Override
	public MigrationLock lock(String schema, String versionTable) {
		return new PostgresAdvisoryLock(this, schema, versionTable);
	}

	@Override
	public boolean requiresNoTransaction(String statement) {
		return PostgresNonTransactionalStatements.matches(statement);
	}

	/** Never: PostgreSQL's DDL is transactional. */
	@Override
	public boolean commitsImplicitly(String statement) {
		return false;
	}


	/** {@code SET LOCAL} in a transaction, so that a failure or the commit ends them; else {@code SET}, and {@code RESET}. */
	@Override
	public List<String> setTimeouts(Connection connection, Timeouts timeouts, boolean transactionScoped)
			throws SQLException {
		String set = transactionScoped ? "SET LOCAL " : "SET ";
		List<String> statements = new ArrayList<>();
		List<String> resets = new ArrayList<>();
		if (timeouts.lock() != null) {
			statements.add(set + "lock_timeout = " + SessionSettings.millis(timeouts.lock()));
			resets.add("RESET lock_timeout");
		}
		if (timeouts.statement() != null) {
			statements.add(set + "statement_timeout = " + SessionSettings.millis(timeouts.statement()));
			resets.add("RESET statement_timeout");
		}
		SessionSettings.execute(connection, statements);
		return transactionScoped ? List.of() : resets;
	}

}
