package dev.migrations.lock;

import java.time.Duration;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;

/** Another run held the migration lock for longer than the lock timeout. */
public class LockTimeoutException extends MigrationsException {

	public LockTimeoutException(String lockName, Duration timeout) {
		super(ErrorKind.LOCK,
				"Could not take the migration lock '" + lockName + "' within " + timeout.toMillis() + " ms: another run holds it",
				"Wait for the other run to finish, or wait longer for it (migrations.lock-wait / --lock-wait)");
	}

}
