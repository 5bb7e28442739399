package dev.migrations.dialect;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognises the PostgreSQL statements that fail inside a transaction block ("cannot run inside a
 * transaction block"), looking past leading comments and ignoring case.
 */
final class PostgresNonTransactionalStatements {

	private static final List<Pattern> STATEMENTS = List.of(pattern("CREATE\\s+(UNIQUE\\s+)?INDEX\\s+CONCURRENTLY\\b"),
			pattern("DROP\\s+INDEX\\s+CONCURRENTLY\\b"), pattern("REINDEX\\b.*\\bCONCURRENTLY\\b"),
			pattern("VACUUM\\b"), pattern("ALTER\\s+TYPE\\s+.+?\\s+ADD\\s+VALUE\\b"),
			pattern("(CREATE|DROP)\\s+DATABASE\\b"), pattern("(CREATE|DROP)\\s+TABLESPACE\\b"),
			pattern("ALTER\\s+SYSTEM\\b"));

	private PostgresNonTransactionalStatements() {
	}

	static boolean matches(String statement) {
		String text = withoutLeadingComments(statement);
		return STATEMENTS.stream().anyMatch((pattern) -> pattern.matcher(text).lookingAt());
	}

	private static Pattern pattern(String regex) {
		return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
	}

	/** Skips whitespace, {@code --} line comments and (nested) block comments at the start. */
	private static String withoutLeadingComments(String statement) {
		int position = 0;
		while (position < statement.length()) {
			if (Character.isWhitespace(statement.charAt(position))) {
				position++;
			}
			else if (statement.startsWith("--", position)) {
				int end = statement.indexOf('\n', position);
				position = (end < 0) ? statement.length() : end + 1;
			}
			else if (statement.startsWith("/*", position)) {
				position = endOfBlockComment(statement, position);
			}
			else {
				break;
			}
		}
		return statement.substring(position);
	}

	private static int endOfBlockComment(String statement, int start) {
		int depth = 0;
		int position = start;
		while (position < statement.length()) {
			if (statement.startsWith("/*", position)) {
				depth++;
				position += 2;
			}
			else if (statement.startsWith("*/", position)) {
				depth--;
				position += 2;
				if (depth == 0) {
					return position;
				}
			}
			else {
				position++;
			}
		}
		return statement.length();
	}

}
