package dev.migrations.dialect;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognises statements by how they begin, looking past leading comments and ignoring case: for the statements a
 * database treats specially (those that refuse a transaction, those that commit one).
 */
final class StatementStart {

	private final List<Pattern> patterns;

	private StatementStart(List<Pattern> patterns) {
		this.patterns = patterns;
	}

	/** Statements beginning with any of the regular expressions. */
	static StatementStart anyOf(String... regexes) {
		return new StatementStart(Arrays.stream(regexes)
			.map((regex) -> Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL))
			.toList());
	}

	boolean matches(String statement) {
		String text = withoutLeadingComments(statement);
		return this.patterns.stream().anyMatch((pattern) -> pattern.matcher(text).lookingAt());
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
