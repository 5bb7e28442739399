package dev.migrations.graph;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;

/**
 * The revision graph is invalid (duplicate ids, a {@code Revises} or {@code Depends On} naming nothing, a cycle,
 * a branch label used twice), or a target is not valid for the command. The message names the revisions and files.
 */
public class GraphException extends MigrationsException {

	public GraphException(ErrorKind kind, String message, String hint) {
		super(kind, message, hint);
	}

	public GraphException(ErrorKind kind, String message, String hint, Throwable cause) {
		super(kind, message, hint, cause);
	}

}
