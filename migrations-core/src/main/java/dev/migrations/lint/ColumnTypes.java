package dev.migrations.lint;

import java.util.Set;

import dev.migrations.sql.SqlToken;

/**
 * The rules on a column's type, wherever a type is written: in {@code CREATE TABLE}, {@code ADD COLUMN} and
 * {@code ALTER COLUMN ... TYPE}. They hold for new tables too, as a type is hard to change once the table fills.
 */
final class ColumnTypes {

	private static final Set<String> INTEGERS = Set.of("int", "integer", "int4");

	private static final Set<String> SERIALS = Set.of("serial", "serial4", "bigserial", "serial8", "smallserial",
			"serial2");

	private static final Set<String> CHARACTERS = Set.of("char", "character", "bpchar");

	private ColumnTypes() {
	}

	/** Checks the type that starts at {@code index}. */
	static void check(Tokens tokens, int index, LintContext context) {
		if (!tokens.isName(index) || tokens.get(index).kind() != SqlToken.Kind.WORD) {
			return;
		}
		String type = tokens.qualifiedName(index);
		int after = tokens.afterQualifiedName(index);
		int line = tokens.line(index);
		if (CHARACTERS.contains(type)) {
			boolean varying = !type.equals("bpchar") && tokens.words(after, "VARYING");
			if (!varying) {
				context.report(Rule.BAN_CHAR_FIELD, line);
			}
			else if (tokens.symbol(after + 1, '(')) {
				context.report(Rule.PREFER_TEXT_FIELD, line);
			}
		}
		else if (type.equals("varchar") && tokens.symbol(after, '(')) {
			context.report(Rule.PREFER_TEXT_FIELD, line);
		}
		else if (INTEGERS.contains(type) || type.equals("serial") || type.equals("serial4")) {
			context.report(Rule.PREFER_BIGINT_OVER_INT, line);
		}
		else if (type.equals("timestamp")) {
			int zone = tokens.symbol(after, '(') ? tokens.closing(after) + 1 : after;
			if (!tokens.words(zone, "WITH", "TIME", "ZONE")) {
				context.report(Rule.PREFER_TIMESTAMPTZ, line);
			}
		}
		if (SERIALS.contains(type)) {
			context.report(Rule.PREFER_IDENTITY, line);
		}
	}

	/** Whether the type at {@code index} is a serial type, whose default calls {@code nextval}. */
	static boolean isSerial(Tokens tokens, int index) {
		return tokens.isName(index) && SERIALS.contains(tokens.qualifiedName(index));
	}

}
