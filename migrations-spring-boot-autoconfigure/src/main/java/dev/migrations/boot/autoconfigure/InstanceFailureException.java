package dev.migrations.boot.autoconfigure;

import dev.migrations.error.MigrationsException;

/**
 * A named migration set's failure: the cause's message with the instance's name in front, its kind and hint kept, and
 * the name kept too, so that the failure analysis names the instance's keys, not the default set's.
 */
final class InstanceFailureException extends MigrationsException {

	private final String instance;

	InstanceFailureException(String instance, MigrationsException cause) {
		super(cause.kind(), "Migration instance '" + instance + "': " + cause.getMessage(), cause.hint(), cause);
		this.instance = instance;
	}

	/** The name of the instance that failed. */
	String instance() {
		return this.instance;
	}

}
