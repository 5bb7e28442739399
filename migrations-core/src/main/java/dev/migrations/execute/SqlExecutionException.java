package dev.migrations.execute;

import dev.migrations.ErrorKind;
import dev.migrations.MigrationsException;

/**
 * A statement of a revision failed in the database. The message names the file, the line of the statement, the
 * statement and the database's own message, on one line.
 */
public class SqlExecutionException extends MigrationsException {

	private static final int STATEMENT_EXCERPT = 200;

	private final String file;

	private final int line;

	private final String statement;

	public SqlExecutionException(String file, int line, String statement, String databaseMessage, String hint,
			Throwable cause) {
		super(ErrorKind.SQL, file + ":" + line + ": " + oneLine(databaseMessage, 400) + " [statement: "
				+ oneLine(statement, STATEMENT_EXCERPT) + "]", hint, cause);
		this.file = file;
		this.line = line;
		this.statement = statement;
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

	static String oneLine(String text, int max) {
		if (text == null) {
			return "";
		}
		String flat = text.strip().replaceAll("\\s+", " ");
		return (flat.length() <= max) ? flat : flat.substring(0, max - 3) + "...";
	}

}
