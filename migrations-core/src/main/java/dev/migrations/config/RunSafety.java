package dev.migrations.config;

import java.time.Duration;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;

/**
 * How a run behaves on a live database, where other sessions hold locks and connections drop: the timeouts each
 * revision runs with, how often a revision that timed out on a lock is tried again, and whether a lost connection
 * is reconnected. A script's {@code -- Lock Timeout:} and {@code -- Statement Timeout:} headers override the timeouts
 * for its revision.
 *
 * @param statementLockTimeout how long a revision's statement waits for a lock on a table or row before it fails
 * ({@code migrations.statement-lock-timeout}); {@code null} leaves the session's own, {@link Duration#ZERO} means
 * no limit
 * @param statementTimeout how long one statement of a revision may run ({@code migrations.statement-timeout});
 * {@code null} leaves the session's own, {@link Duration#ZERO} means no limit
 * @param lockRetries how many times a transactional revision that failed on a lock timeout, and rolled back whole,
 * is tried again, with growing pauses ({@code migrations.lock-retries}); a non-transactional one never is
 * @param reconnect whether a run whose connection was lost reconnects, takes the lock again and continues from
 * where the database is ({@code migrations.reconnect})
 */
public record RunSafety(Duration statementLockTimeout, Duration statementTimeout, int lockRetries,
		boolean reconnect) {

	/** No timeouts of the engine's own, no retries, reconnection on. */
	public static final RunSafety DEFAULTS = new RunSafety(null, null, 0, true);

	public RunSafety {
		requireNotNegative(statementLockTimeout, "statement-lock-timeout");
		requireNotNegative(statementTimeout, "statement-timeout");
		if (lockRetries < 0) {
			throw new MigrationsException(ErrorKind.CONFIG,
					"migrations.lock-retries must be 0 or more, not " + lockRetries,
					"Give how many times a revision that timed out on a lock is tried again, such as 10 (0: never)");
		}
	}

	private static void requireNotNegative(Duration duration, String property) {
		if (duration != null && duration.isNegative()) {
			throw new MigrationsException(ErrorKind.CONFIG,
					"migrations." + property + " must not be negative, not " + duration,
					"Give a duration such as 500ms or 5s, or 0 for no limit");
		}
	}

}
