package dev.migrations.sql;

/**
 * One lexical token of a statement, as the splitter reads it: comments are never tokens, and a string, a quoted
 * identifier or a dollar-quoted body is one token whatever it holds.
 *
 * @param kind what the token is
 * @param text the token's text as written, quotes included
 * @param line the 1-based file line on which the token starts
 */
public record SqlToken(Kind kind, String text, int line) {

	/** The kinds of token the splitter tells apart. */
	public enum Kind {

		/** A keyword or an unquoted identifier. */
		WORD,
		/** A {@code "quoted"} (or MariaDB {@code `quoted`}) identifier. */
		QUOTED_IDENTIFIER,
		/** A string literal, {@code E''} strings included. */
		STRING,
		/** A dollar-quoted body ({@code $$ ... $$}, {@code $fn$ ... $fn$}). */
		BODY,
		/** A number. */
		NUMBER,
		/** Any other single character: punctuation and operators. */
		SYMBOL

	}

	/** Whether this is the word {@code word}, ignoring case. */
	public boolean isWord(String word) {
		return this.kind == Kind.WORD && this.text.equalsIgnoreCase(word);
	}

	/** Whether this is the symbol {@code symbol}. */
	public boolean isSymbol(char symbol) {
		return this.kind == Kind.SYMBOL && this.text.length() == 1 && this.text.charAt(0) == symbol;
	}

}
