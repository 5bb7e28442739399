package dev.migrations.dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.migrations.lock.MigrationLock;
import dev.migrations.script.Timeouts;
import dev.migrations.sql.SqlSyntax;

/**
 * H2 2.x, in its default mode and in {@code MODE=PostgreSQL}. DDL commits, so it is not transactional.
 * Identifiers in one case are left unquoted, so that {@code migrations_version} is stored the way the mode
 * folds unquoted names ({@code MIGRATIONS_VERSION} by default, {@code migrations_version} with
 * {@code DATABASE_TO_LOWER}) and plain SQL such as {@code SELECT * FROM migrations_version} finds it in either
 * mode. Runs are kept apart by a row lock ({@link H2RowLock}).
 */
public final class H2Dialect implements Dialect {

	/** H2's SQLSTATE for a schema that does not exist. */
	private static final String SCHEMA_NOT_FOUND = "90079";

	/** The statements that commit the open transaction in H2 2.x: its DDL, temporary tables included. */
	private static final StatementStart IMPLICIT_COMMITS = StatementStart
		.anyOf("(CREATE|ALTER|DROP|TRUNCATE|COMMENT|GRANT|REVOKE|ANALYZE|RUNSCRIPT)\\b");

	private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	/** The keywords of H2's parser ({@code org.h2.util.ParserUtil}), which can't be identifiers unquoted. */
	private static final Set<String> KEYWORDS = Set.of("_ROWID_", "ALL", "AND", "ANY", "ARRAY", "AS", "ASYMMETRIC",
			"AUTHORIZATION", "BETWEEN", "CASE", "CAST", "CHECK", "CONSTRAINT", "CROSS", "CURRENT_CATALOG",
			"CURRENT_DATE", "CURRENT_PATH", "CURRENT_ROLE", "CURRENT_SCHEMA", "CURRENT_TIME", "CURRENT_TIMESTAMP",
			"CURRENT_USER", "DAY", "DEFAULT", "DISTINCT", "ELSE", "END", "EXCEPT", "EXISTS", "FALSE", "FETCH", "FOR",
			"FOREIGN", "FROM", "FULL", "GROUP", "GROUPS", "HAVING", "HOUR", "IF", "ILIKE", "IN", "INNER", "INTERSECT",
			"INTERVAL", "IS", "JOIN", "KEY", "LEFT", "LIKE", "LIMIT", "LOCALTIME", "LOCALTIMESTAMP", "MINUS", "MINUTE",
			"MONTH", "NATURAL", "NOT", "NULL", "OFFSET", "ON", "OR", "ORDER", "OVER", "PARTITION", "PRIMARY",
			"QUALIFY", "RANGE", "REGEXP", "RIGHT", "ROW", "ROWNUM", "ROWS", "SECOND", "SELECT", "SESSION_USER", "SET",
			"SOME", "SYMMETRIC", "SYSTEM_USER", "TABLE", "TO", "TOP", "TRUE", "UESCAPE", "UNION", "UNIQUE", "UNKNOWN",
			"USER", "USING", "VALUE", "VALUES", "WHEN", "WHERE", "WINDOW", "WITH", "YEAR");

	@Override
	public String name() {
		return "h2";
	}

	@Override
	public boolean supportsTransactionalDdl() {
		return false;
	}

	@Override
	public boolean runsDdlConcurrently() {
		return false;
	}

	@Override
	public SqlSyntax syntax() {
		return SqlSyntax.H2;
	}

	@Override
	public String quote(String identifier) {
		boolean oneCase = identifier.equals(identifier.toLowerCase(Locale.ROOT))
				|| identifier.equals(identifier.toUpperCase(Locale.ROOT));
		boolean plain = PLAIN_IDENTIFIER.matcher(identifier).matches() && oneCase
				&& !KEYWORDS.contains(identifier.toUpperCase(Locale.ROOT));
		return plain ? identifier : SqlText.quoted(identifier, '"');
	}

	@Override
	public String currentSchema(Connection connection) throws SQLException {
		return connection.getSchema();
	}

	@Override
	public String useSchema(Connection connection, String schema) throws SQLException {
		String previous = connection.getSchema();
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET SCHEMA " + quote(schema));
		}
		return previous;
	}

	/** The previous schema is H2's stored name, set exactly as it is. */
	@Override
	public void restoreSchema(Connection connection, String previous) throws SQLException {
		connection.setSchema(previous);
	}

	@Override
	public boolean schemaExists(Connection connection, String schema) throws SQLException {
		return Catalogs.anyRow(connection, "SELECT 1 FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME = ?",
				Catalogs.storedName(connection, this, schema));
	}

	@Override
	public boolean tableExists(Connection connection, String schema, String table) throws SQLException {
		String storedSchema = (schema != null) ? Catalogs.storedName(connection, this, schema)
				: currentSchema(connection);
		return Catalogs.anyRow(connection,
				"SELECT 1 FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?", storedSchema,
				Catalogs.storedName(connection, this, table));
	}

	/** H2 says {@code 90079} when the table's schema does not exist either. */
	@Override
	public boolean isMissingTable(SQLException failure) {
		return Dialect.super.isMissingTable(failure) || SCHEMA_NOT_FOUND.equals(failure.getSQLState());
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

	@Override
	public String stringLiteral(String value) {
		return SqlText.standardLiteral(value);
	}

	@Override
	public String currentUserExpression() {
		return "CURRENT_USER";
	}

	/**
	 * Counted from the epoch, because casting {@code CURRENT_TIMESTAMP AT TIME ZONE 'UTC'} to a timestamp
	 * converts it back to the session's time zone.
	 */
	@Override
	public String currentUtcTimestampExpression() {
		return "(TIMESTAMP '1970-01-01 00:00:00' + EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * INTERVAL '1' SECOND)";
	}

	@Override
	public MigrationLock lock(String schema, String versionTable) {
		return new H2RowLock(this, schema, versionTable);
	}

	@Override
	public boolean requiresNoTransaction(String statement) {
		return false;
	}

	@Override
	public boolean commitsImplicitly(String statement) {
		return IMPLICIT_COMMITS.matches(statement);
	}


	/**
	 * For the session, as H2 has no settings of a transaction: {@code SET LOCK_TIMEOUT} (where 0 would mean not to
	 * wait at all, so no limit is the longest it takes) and {@code SET QUERY_TIMEOUT}, both in milliseconds. The
	 * reset restores the values the session had.
	 */
	@Override
	public List<String> setTimeouts(Connection connection, Timeouts timeouts, boolean transactionScoped)
			throws SQLException {
		String lockTimeout;
		String queryTimeout;
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT LOCK_TIMEOUT(), (SELECT SETTING_VALUE FROM "
						+ "INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_TIMEOUT')")) {
			result.next();
			lockTimeout = result.getString(1);
			queryTimeout = (result.getString(2) != null) ? result.getString(2) : "0";
		}
		List<String> statements = new ArrayList<>();
		List<String> resets = new ArrayList<>();
		if (timeouts.lock() != null) {
			statements.add("SET LOCK_TIMEOUT "
					+ (timeouts.lock().isZero() ? Integer.MAX_VALUE : SessionSettings.millis(timeouts.lock())));
			resets.add("SET LOCK_TIMEOUT " + lockTimeout);
		}
		if (timeouts.statement() != null) {
			statements.add("SET QUERY_TIMEOUT " + SessionSettings.millis(timeouts.statement()));
			resets.add("SET QUERY_TIMEOUT " + queryTimeout);
		}
		SessionSettings.execute(connection, statements);
		return resets;
	}

}
