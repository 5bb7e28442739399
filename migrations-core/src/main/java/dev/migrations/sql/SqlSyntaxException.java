package dev.migrations.sql;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;

/**
 * A script section the splitter cannot divide into statements, such as a string or a dollar-quoted body that is
 * never closed. The message names the line and the construct but not the file, which the caller adds.
 */
public class SqlSyntaxException extends MigrationsException {

	private final int line;

	public SqlSyntaxException(int line, String message, String hint) {
		super(ErrorKind.SCRIPT, message, hint);
		this.line = line;
	}

	/** The 1-based file line on which the faulty construct starts. */
	public int line() {
		return this.line;
	}

}
