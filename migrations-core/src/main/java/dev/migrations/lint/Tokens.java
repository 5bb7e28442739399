package dev.migrations.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.migrations.sql.SqlToken;

/**
 * A run of a statement's tokens with the look-ups the rules need: words by position, names, and the parts of a
 * parenthesised or comma-separated list. Positions past the end read as nothing, so rules need no bounds checks.
 */
final class Tokens {

	private final List<SqlToken> tokens;

	Tokens(List<SqlToken> tokens) {
		this.tokens = tokens;
	}

	int size() {
		return this.tokens.size();
	}

	SqlToken get(int index) {
		return this.tokens.get(index);
	}

	/** The line of the token at {@code index}, or of the last token past the end. */
	int line(int index) {
		return this.tokens.get(Math.min(index, this.tokens.size() - 1)).line();
	}

	/** Whether the tokens from {@code index} are these words, ignoring case. */
	boolean words(int index, String... words) {
		for (int i = 0; i < words.length; i++) {
			if (index + i >= size() || !get(index + i).isWord(words[i])) {
				return false;
			}
		}
		return true;
	}

	boolean symbol(int index, char symbol) {
		return index < size() && get(index).isSymbol(symbol);
	}

	/** The index of the first of these words at or after {@code from} outside parentheses, or -1. */
	int find(int from, String word) {
		int depth = 0;
		for (int i = from; i < size(); i++) {
			if (symbol(i, '(')) {
				depth++;
			}
			else if (symbol(i, ')')) {
				depth--;
			}
			else if (depth == 0 && get(i).isWord(word)) {
				return i;
			}
		}
		return -1;
	}

	boolean contains(int from, String word) {
		return find(from, word) >= 0;
	}

	/** Whether the token at {@code index} can be a name: a word or a quoted identifier. */
	boolean isName(int index) {
		return index < size() && (get(index).kind() == SqlToken.Kind.WORD
				|| get(index).kind() == SqlToken.Kind.QUOTED_IDENTIFIER);
	}

	/** The name at {@code index} as the database folds it: unquoted in lower case, quoted as written. */
	String name(int index) {
		SqlToken token = get(index);
		if (token.kind() == SqlToken.Kind.QUOTED_IDENTIFIER) {
			String text = token.text();
			return text.substring(1, text.length() - 1);
		}
		return token.text().toLowerCase(Locale.ROOT);
	}

	/** The index after a possibly qualified name ({@code schema.table}) starting at {@code index}. */
	int afterQualifiedName(int index) {
		int end = index + 1;
		while (symbol(end, '.') && isName(end + 1)) {
			end += 2;
		}
		return end;
	}

	/** The last part of the qualified name at {@code index}: {@code public.notes} is {@code notes}. */
	String qualifiedName(int index) {
		return name(afterQualifiedName(index) - 1);
	}

	/** The index of the parenthesis closing the one at {@code open}, or {@link #size()} if it is not closed. */
	int closing(int open) {
		int depth = 0;
		for (int i = open; i < size(); i++) {
			if (symbol(i, '(')) {
				depth++;
			}
			else if (symbol(i, ')') && --depth == 0) {
				return i;
			}
		}
		return size();
	}

	/** The tokens from {@code from} (inclusive) to {@code to} (exclusive). */
	Tokens slice(int from, int to) {
		return new Tokens(this.tokens.subList(Math.min(from, to), to));
	}

	/** The parts between commas outside parentheses, from {@code from} to {@code to}. */
	List<Tokens> split(int from, int to) {
		List<Tokens> parts = new ArrayList<>();
		int depth = 0;
		int start = from;
		for (int i = from; i < to; i++) {
			if (symbol(i, '(')) {
				depth++;
			}
			else if (symbol(i, ')')) {
				depth--;
			}
			else if (depth == 0 && symbol(i, ',')) {
				parts.add(slice(start, i));
				start = i + 1;
			}
		}
		if (start < to) {
			parts.add(slice(start, to));
		}
		return parts;
	}

}
