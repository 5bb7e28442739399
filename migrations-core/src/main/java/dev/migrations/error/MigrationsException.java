package dev.migrations.error;

/**
 * The root of every error the engine raises: a message that says what failed and where, and a hint that
 * says what to do about it. The command line prints both lines; the Spring Boot starter shows them as the
 * failure analysis.
 */
public class MigrationsException extends RuntimeException {

	private final ErrorKind kind;

	private final String hint;

	public MigrationsException(ErrorKind kind, String message, String hint) {
		this(kind, message, hint, null);
	}

	public MigrationsException(ErrorKind kind, String message, String hint, Throwable cause) {
		super(message, cause);
		this.kind = kind;
		this.hint = hint;
	}

	/** What kind of failure this is, for scripts reading {@code --json} and for exit codes. */
	public ErrorKind kind() {
		return this.kind;
	}

	/** One line that tells a person what to do next; may be {@code null} where there is nothing to add. */
	public String hint() {
		return this.hint;
	}

}
