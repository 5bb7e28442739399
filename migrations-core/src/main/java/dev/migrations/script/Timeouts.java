package dev.migrations.script;

import java.time.Duration;

/**
 * The lock and statement timeouts a revision runs with: from its {@code -- Lock Timeout:} and
 * {@code -- Statement Timeout:} headers, else from the run's configuration.
 *
 * @param lock how long a statement waits for a lock before it fails; {@code null} when not set,
 * {@link Duration#ZERO} for no limit
 * @param statement how long a statement may run; {@code null} when not set, {@link Duration#ZERO} for no limit
 */
public record Timeouts(Duration lock, Duration statement) {

	/** Neither timeout set. */
	public static final Timeouts NONE = new Timeouts(null, null);

	/** Whether either timeout is set. */
	public boolean any() {
		return this.lock != null || this.statement != null;
	}

	/** These timeouts, each one not set taken from {@code defaults}. */
	public Timeouts or(Timeouts defaults) {
		return new Timeouts((this.lock != null) ? this.lock : defaults.lock(),
				(this.statement != null) ? this.statement : defaults.statement());
	}

}
