package dev.migrations.script;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;

/**
 * A script file or Java migration that can't be read or parsed. The message starts with {@code file:line:}
 * (or {@code file:} when the problem is not on one line), as compilers print it, so editors can jump there.
 */
public class ScriptException extends MigrationsException {

	private final String file;

	private final int line;

	/**
	 * @param file the script's location, or a Java migration's class name
	 * @param line the 1-based line of the problem; {@code 0} when it is not on one line
	 * @param problem what is wrong, without the location
	 * @param hint how to fix it
	 */
	public ScriptException(String file, int line, String problem, String hint) {
		this(file, line, problem, hint, null);
	}

	public ScriptException(String file, int line, String problem, String hint, Throwable cause) {
		super(ErrorKind.SCRIPT, ((line > 0) ? file + ":" + line : file) + ": " + problem, hint, cause);
		this.file = file;
		this.line = line;
	}

	/** The script's location, or a Java migration's class name. */
	public String file() {
		return this.file;
	}

	/** The 1-based line of the problem; {@code 0} when it is not on one line. */
	public int line() {
		return this.line;
	}

}
