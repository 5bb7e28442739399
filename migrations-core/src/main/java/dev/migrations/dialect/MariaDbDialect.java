package dev.migrations.dialect;

import java.math.BigDecimal;
import java.sql.Connection;
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
 * MariaDB 10.3+ and MySQL 8: DDL commits, so it is not transactional; a schema is a database; identifiers keep
 * their case and are quoted with backticks where needed; runs are kept apart by a named user lock.
 */
public final class MariaDbDialect implements Dialect {

	/**
	 * The statements that cause an implicit commit in MariaDB and MySQL (their manuals' list: DDL, account and
	 * table maintenance statements, transaction control), and those that may run any of them: {@code CALL},
	 * {@code EXECUTE} and compound statements ({@code BEGIN NOT ATOMIC}).
	 */
	private static final StatementStart IMPLICIT_COMMITS = StatementStart.anyOf(
			"(CREATE|ALTER|DROP|RENAME|TRUNCATE|GRANT|REVOKE|LOCK|UNLOCK|BEGIN|START|ANALYZE|CHECK|OPTIMIZE|REPAIR"
					+ "|CACHE|LOAD|FLUSH|RESET|INSTALL|UNINSTALL|CALL|EXECUTE|XA)\\b",
			"SET\\s+PASSWORD\\b");

	/** The longest {@code lock_wait_timeout} MariaDB takes (a year), which stands for no limit. */
	private static final long LONGEST_LOCK_WAIT_SECONDS = 31_536_000;

	private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

	/** MariaDB's reserved words (those it refuses as a table name unquoted) and MySQL 8's. */
	private static final Set<String> RESERVED_WORDS = Set.of(
			"ACCESSIBLE", "ADD", "ALL", "ALTER", "ANALYZE", "AND", "AS", "ASC", "ASENSITIVE", "BEFORE", "BETWEEN",
			"BIGINT", "BINARY", "BLOB", "BOTH", "BY", "CALL", "CASCADE", "CASE", "CHANGE", "CHAR", "CHARACTER",
			"CHECK", "COLLATE", "COLUMN", "CONDITION", "CONSTRAINT", "CONTINUE", "CONVERT", "CREATE", "CROSS", "CUBE",
			"CUME_DIST", "CURRENT_DATE", "CURRENT_ROLE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER",
			"CURSOR", "DATABASE", "DATABASES", "DAY_HOUR", "DAY_MICROSECOND", "DAY_MINUTE", "DAY_SECOND", "DEC",
			"DECIMAL", "DECLARE", "DEFAULT", "DELAYED", "DELETE", "DELETE_DOMAIN_ID", "DENSE_RANK", "DESC",
			"DESCRIBE", "DETERMINISTIC", "DISTINCT", "DISTINCTROW", "DIV", "DOUBLE", "DO_DOMAIN_IDS", "DROP", "DUAL",
			"EACH", "ELSE", "ELSEIF", "EMPTY", "ENCLOSED", "ESCAPED", "EXCEPT", "EXISTS", "EXIT", "EXPLAIN", "FALSE",
			"FETCH", "FIRST_VALUE", "FLOAT", "FLOAT4", "FLOAT8", "FOR", "FORCE", "FOREIGN", "FROM", "FULLTEXT",
			"FUNCTION", "GENERAL", "GENERATED", "GET", "GRANT", "GROUP", "GROUPING", "GROUPS", "HAVING",
			"HIGH_PRIORITY", "HOUR_MICROSECOND", "HOUR_MINUTE", "HOUR_SECOND", "IF", "IGNORE", "IGNORE_DOMAIN_IDS",
			"IGNORE_SERVER_IDS", "IN", "INDEX", "INFILE", "INNER", "INOUT", "INSENSITIVE", "INSERT", "INT", "INT1",
			"INT2", "INT3", "INT4", "INT8", "INTEGER", "INTERSECT", "INTERVAL", "INTO", "IO_AFTER_GTIDS",
			"IO_BEFORE_GTIDS", "IS", "ITERATE", "JOIN", "JSON_TABLE", "KEY", "KEYS", "KILL", "LAG", "LAST_VALUE",
			"LATERAL", "LEAD", "LEADING", "LEAVE", "LEFT", "LIKE", "LIMIT", "LINEAR", "LINES", "LOAD", "LOCALTIME",
			"LOCALTIMESTAMP", "LOCK", "LONG", "LONGBLOB", "LONGTEXT", "LOOP", "LOW_PRIORITY", "MANUAL", "MASTER_BIND",
			"MASTER_DEMOTE_TO_REPLICA", "MASTER_DEMOTE_TO_SLAVE", "MASTER_HEARTBEAT_PERIOD",
			"MASTER_SSL_VERIFY_SERVER_CERT", "MATCH", "MAXVALUE", "MEDIUMBLOB", "MEDIUMINT", "MEDIUMTEXT",
			"MIDDLEINT", "MINUTE_MICROSECOND", "MINUTE_SECOND", "MOD", "MODIFIES", "NATURAL", "NOT",
			"NO_WRITE_TO_BINLOG", "NTH_VALUE", "NTILE", "NULL", "NUMERIC", "OF", "OFFSET", "ON", "OPTIMIZE",
			"OPTIMIZER_COSTS", "OPTIONALLY", "OR", "ORDER", "OUT", "OUTER", "OUTFILE", "OVER", "PAGE_CHECKSUM",
			"PARALLEL", "PARSE_VCOL_EXPR", "PARTITION", "PERCENT_RANK", "PORTION", "PRECISION", "PRIMARY",
			"PROCEDURE", "PURGE", "QUALIFY", "RANGE", "RANK", "READ", "READS", "READ_WRITE", "REAL", "RECURSIVE",
			"REFERENCES", "REF_SYSTEM_ID", "REGEXP", "RELEASE", "RENAME", "REPEAT", "REPLACE", "REQUIRE", "RESIGNAL",
			"RESTRICT", "RETURN", "RETURNING", "REVOKE", "RIGHT", "RLIKE", "ROW", "ROWS", "ROW_NUMBER", "SCHEMA",
			"SCHEMAS", "SECOND_MICROSECOND", "SELECT", "SENSITIVE", "SEPARATOR", "SET", "SHOW", "SIGNAL", "SLOW",
			"SMALLINT", "SPATIAL", "SPECIFIC", "SQL", "SQLEXCEPTION", "SQLSTATE", "SQLWARNING", "SQL_BIG_RESULT",
			"SQL_CALC_FOUND_ROWS", "SQL_SMALL_RESULT", "SSL", "STARTING", "STATS_AUTO_RECALC", "STATS_PERSISTENT",
			"STATS_SAMPLE_PAGES", "STORED", "STRAIGHT_JOIN", "SYSTEM", "TABLE", "TABLESAMPLE", "TERMINATED", "THEN",
			"TINYBLOB", "TINYINT", "TINYTEXT", "TO", "TRAILING", "TRIGGER", "TRUE", "UNDO", "UNION", "UNIQUE",
			"UNLOCK", "UNSIGNED", "UPDATE", "USAGE", "USE", "USING", "UTC_DATE", "UTC_TIME", "UTC_TIMESTAMP",
			"VALUES", "VARBINARY", "VARCHAR", "VARCHARACTER", "VARYING", "VIRTUAL", "WHEN", "WHERE", "WHILE",
			"WINDOW", "WITH", "WRITE", "XOR", "YEAR_MONTH", "ZEROFILL");

	@Override
	public String name() {
		return "mariadb";
	}

	@Override
	public boolean supportsTransactionalDdl() {
		return false;
	}

	@Override
	public SqlSyntax syntax() {
		return SqlSyntax.MARIADB;
	}

	@Override
	public String quote(String identifier) {
		boolean plain = PLAIN_IDENTIFIER.matcher(identifier).matches()
				&& !RESERVED_WORDS.contains(identifier.toUpperCase(Locale.ROOT));
		return plain ? identifier : SqlText.quoted(identifier, '`');
	}

	@Override
	public String currentSchema(Connection connection) throws SQLException {
		return connection.getCatalog();
	}

	/** A tenant's schema is a database: the connection's current database becomes it. */
	@Override
	public String useSchema(Connection connection, String schema) throws SQLException {
		String previous = connection.getCatalog();
		connection.setCatalog(schema);
		return previous;
	}

	/** A connection opened without a current database keeps the tenant's: MariaDB cannot unset it. */
	@Override
	public void restoreSchema(Connection connection, String previous) throws SQLException {
		if (previous != null) {
			connection.setCatalog(previous);
		}
	}

	@Override
	public boolean schemaExists(Connection connection, String schema) throws SQLException {
		return Catalogs.anyRow(connection, "SELECT 1 FROM information_schema.schemata WHERE schema_name = ?", schema);
	}

	@Override
	public boolean tableExists(Connection connection, String schema, String table) throws SQLException {
		String database = (schema != null) ? schema : currentSchema(connection);
		return Catalogs.anyRow(connection,
				"SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?", database, table);
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
		return StateTableDdl.historyTable(qualifiedName, "bigint NOT NULL AUTO_INCREMENT PRIMARY KEY", "datetime(6)");
	}

	/**
	 * Backslashes are escaped too, as the default SQL mode reads them as escapes (a session with
	 * {@code NO_BACKSLASH_ESCAPES} would read them doubled).
	 */
	@Override
	public String stringLiteral(String value) {
		return SqlText.standardLiteral(value.replace("\\", "\\\\"));
	}

	/** The user name without the {@code @host} part. */
	@Override
	public String currentUserExpression() {
		return "SUBSTRING_INDEX(CURRENT_USER(), '@', 1)";
	}

	@Override
	public String currentUtcTimestampExpression() {
		return "UTC_TIMESTAMP(6)";
	}

	@Override
	public MigrationLock lock(String schema, String versionTable) {
		return new MariaDbNamedLock(this, schema, versionTable);
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
	 * For the session, as MariaDB has no settings of a transaction: the lock timeout as {@code lock_wait_timeout}
	 * (metadata locks, which DDL waits for) and {@code innodb_lock_wait_timeout} (row locks), both in whole seconds,
	 * rounded up; the statement timeout as {@code max_statement_time}. The reset restores the server's defaults.
	 */
	@Override
	public List<String> setTimeouts(Connection connection, Timeouts timeouts, boolean transactionScoped)
			throws SQLException {
		List<String> statements = new ArrayList<>();
		List<String> resets = new ArrayList<>();
		if (timeouts.lock() != null) {
			long seconds = timeouts.lock().isZero() ? LONGEST_LOCK_WAIT_SECONDS
					: Math.min(LONGEST_LOCK_WAIT_SECONDS, (timeouts.lock().toMillis() + 999) / 1000);
			statements.add("SET SESSION lock_wait_timeout = " + seconds + ", SESSION innodb_lock_wait_timeout = "
					+ seconds);
			resets.add("SET SESSION lock_wait_timeout = DEFAULT, SESSION innodb_lock_wait_timeout = DEFAULT");
		}
		if (timeouts.statement() != null) {
			statements.add("SET SESSION max_statement_time = "
					+ BigDecimal.valueOf(SessionSettings.millis(timeouts.statement()), 3).toPlainString());
			resets.add("SET SESSION max_statement_time = DEFAULT");
		}
		SessionSettings.execute(connection, statements);
		return resets;
	}

}
