package dev.migrations.dialect;

/**
 * Recognises the PostgreSQL statements that fail inside a transaction block ("cannot run inside a
 * transaction block"), looking past leading comments and ignoring case.
 */
final class PostgresNonTransactionalStatements {

	private static final StatementStart STATEMENTS = StatementStart.anyOf("CREATE\\s+(UNIQUE\\s+)?INDEX\\s+CONCURRENTLY\\b",
			"DROP\\s+INDEX\\s+CONCURRENTLY\\b", "REINDEX\\b.*\\bCONCURRENTLY\\b", "VACUUM\\b",
			"ALTER\\s+TYPE\\s+.+?\\s+ADD\\s+VALUE\\b", "(CREATE|DROP)\\s+DATABASE\\b", "(CREATE|DROP)\\s+TABLESPACE\\b",
			"ALTER\\s+SYSTEM\\b");

	private PostgresNonTransactionalStatements() {
	}

	static boolean matches(String statement) {
		return STATEMENTS.matches(statement);
	}

}
