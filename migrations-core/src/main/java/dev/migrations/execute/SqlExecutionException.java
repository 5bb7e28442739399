package dev.migrations.execute;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;

/**
 * A statement of a revision failed in the database. The message names the file, the line of the statement, the
 * statement and the database's own message, on one line; and, when the revision could not be rolled back whole,
 * the statements that stay applied.
 */
public class SqlExecutionException extends MigrationsException {

	private static final int STATEMENT_EXCERPT = 200;

	private final String file;

	private final int line;

	private final String statement;

	private final LeftApplied leftApplied;

	public SqlExecutionException(String file, int line, String statement, String databaseMessage, String hint,
			Throwable cause) {
		this(file, line, statement, databaseMessage, null, hint, cause);
	}

	/**
	 * A failure that left some of the revision's statements applied.
	 * @param leftApplied the statements that stay applied; {@code null} or none when the revision rolled back whole
	 */
	SqlExecutionException(String file, int line, String statement, String databaseMessage, LeftApplied leftApplied,
			String hint, Throwable cause) {
		super(ErrorKind.SQL, file + ":" + line + ": " + oneLine(databaseMessage, 400) + " [statement: "
				+ oneLine(statement, STATEMENT_EXCERPT) + "]"
				+ ((leftApplied != null && leftApplied.any()) ? "; " + leftApplied.consequence() : ""), hint, cause);
		this.file = file;
		this.line = line;
		this.statement = statement;
		this.leftApplied = (leftApplied != null && leftApplied.any()) ? leftApplied : null;
	}

	public String file() {
		return this.file;
	}

	public int line() {
		return this.line;
	}

	public String statement() {
		return this.statement;
	}

	/** The statements the failure left applied; {@code null} when the revision rolled back whole. */
	LeftApplied leftApplied() {
		return this.leftApplied;
	}

	static String oneLine(String text, int max) {
		if (text == null) {
			return "";
		}
		String flat = text.strip().replaceAll("\\s+", " ");
		return (flat.length() <= max) ? flat : flat.substring(0, max - 3) + "...";
	}

}
