package dev.migrations.lint;

import java.util.Set;

import dev.migrations.sql.SqlToken;

/**
 * Tells a column default that PostgreSQL 11 and later store once in the catalog (a constant, or a stable function
 * such as {@code now()}) from one that makes {@code ADD COLUMN} rewrite the table: any function not known to be
 * non-volatile counts as volatile, as the safe guess.
 */
final class DefaultExpressions {

	/** Non-volatile functions common in defaults; {@code now()} is stable: one value for the whole statement. */
	private static final Set<String> NON_VOLATILE_FUNCTIONS = Set.of("now", "current_timestamp", "current_time",
			"localtime", "localtimestamp", "statement_timestamp", "transaction_timestamp", "cast", "coalesce",
			"nullif", "greatest", "least", "lower", "upper", "trim", "length", "concat", "abs", "round",
			"current_setting", "date_trunc", "timezone", "make_interval", "make_date", "make_time",
			"make_timestamp", "make_timestamptz", "to_jsonb", "to_json", "jsonb_build_object", "json_build_object",
			"jsonb_build_array", "json_build_array", "array", "row");

	/** The words that end a default expression and start the column's next constraint. */
	private static final Set<String> CONSTRAINT_WORDS = Set.of("constraint", "not", "check", "unique", "primary",
			"references", "generated", "collate");

	private DefaultExpressions() {
	}

	/** Whether the default expression starting at {@code from} calls a function that may be volatile. */
	static boolean isVolatile(Tokens tokens, int from) {
		int depth = 0;
		for (int i = from; i < tokens.size(); i++) {
			if (tokens.symbol(i, '(')) {
				depth++;
			}
			else if (tokens.symbol(i, ')')) {
				depth--;
			}
			else if (tokens.get(i).kind() == SqlToken.Kind.WORD) {
				String word = tokens.name(i);
				if (depth == 0 && i > from && CONSTRAINT_WORDS.contains(word)) {
					return false;
				}
				if (tokens.symbol(i + 1, '(') && !isTypeName(tokens, i) && !NON_VOLATILE_FUNCTIONS.contains(word)) {
					return true;
				}
			}
		}
		return false;
	}

	/** A word after {@code ::} or {@code AS} names a type, whose parentheses hold a length, not arguments. */
	private static boolean isTypeName(Tokens tokens, int index) {
		return (index >= 2 && tokens.symbol(index - 1, ':') && tokens.symbol(index - 2, ':'))
				|| (index >= 1 && tokens.get(index - 1).isWord("AS"));
	}

}
