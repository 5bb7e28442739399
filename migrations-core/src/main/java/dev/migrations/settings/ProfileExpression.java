package dev.migrations.settings;

import java.util.Collection;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;

/**
 * Spring's profile expressions, as {@code spring.config.activate.on-profile} takes them: a profile name,
 * {@code !e}, {@code e & e}, {@code e | e} and {@code (e)}; a comma-separated list matches when any of its expressions
 * does. {@code &} and {@code |} do not mix without parentheses, as in Spring.
 */
final class ProfileExpression {

	private final String text;

	private final Collection<String> active;

	private int position;

	private ProfileExpression(String text, Collection<String> active) {
		this.text = text;
		this.active = active;
	}

	/**
	 * Whether {@code expressions} matches the active profiles.
	 * @param origin where the expressions were written, for the message of a malformed one
	 * @throws MigrationsException for a malformed expression
	 */
	static boolean matches(String expressions, Collection<String> active, String origin) {
		for (String expression : expressions.split(",")) {
			ProfileExpression parser = new ProfileExpression(expression, active);
			boolean matches;
			try {
				matches = parser.parseAll();
			}
			catch (IllegalArgumentException ex) {
				throw new MigrationsException(ErrorKind.CONFIG,
						"Invalid profile expression '" + expressions.trim() + "' in " + origin + ": " + ex.getMessage(),
						"Write profile names joined by & or |, ! for not, and parentheses to mix & and |: prod & !eu");
			}
			if (matches) {
				return true;
			}
		}
		return false;
	}

	private boolean parseAll() {
		boolean value = expression();
		skipSpaces();
		if (this.position < this.text.length()) {
			throw new IllegalArgumentException("unexpected '" + this.text.charAt(this.position) + "'");
		}
		return value;
	}

	private boolean expression() {
		boolean value = term();
		char operator = 0;
		while (peek() == '&' || peek() == '|') {
			char next = this.text.charAt(this.position++);
			if (operator != 0 && operator != next) {
				throw new IllegalArgumentException("& and | mixed without parentheses");
			}
			operator = next;
			boolean right = term();
			value = (operator == '&') ? value && right : value || right;
		}
		return value;
	}

	private boolean term() {
		char next = peek();
		if (next == '!') {
			this.position++;
			return !term();
		}
		if (next == '(') {
			this.position++;
			boolean value = expression();
			if (peek() != ')') {
				throw new IllegalArgumentException("missing ')'");
			}
			this.position++;
			return value;
		}
		int start = this.position;
		while (this.position < this.text.length() && "!&|() \t".indexOf(this.text.charAt(this.position)) < 0) {
			this.position++;
		}
		if (start == this.position) {
			throw new IllegalArgumentException("a profile name is missing");
		}
		return this.active.contains(this.text.substring(start, this.position));
	}

	/** The next character past spaces, or 0 at the end. */
	private char peek() {
		skipSpaces();
		return (this.position < this.text.length()) ? this.text.charAt(this.position) : 0;
	}

	private void skipSpaces() {
		while (this.position < this.text.length() && Character.isWhitespace(this.text.charAt(this.position))) {
			this.position++;
		}
	}

}
