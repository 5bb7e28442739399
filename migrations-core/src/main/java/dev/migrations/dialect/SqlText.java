package dev.migrations.dialect;

/** Quoting of identifiers and string literals that several dialects share. */
final class SqlText {

	private SqlText() {
	}

	/** {@code identifier} between {@code quote} characters, with any quote character inside it doubled. */
	static String quoted(String identifier, char quote) {
		String doubled = String.valueOf(quote).repeat(2);
		return quote + identifier.replace(String.valueOf(quote), doubled) + quote;
	}

	/** A standard SQL string literal: single quotes, an inner single quote doubled. */
	static String standardLiteral(String value) {
		return "'" + value.replace("'", "''") + "'";
	}

}
