package dev.migrations.lock;

import java.time.Duration;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

/**
 * Keeps migration runs apart: runs the work while holding a database-wide lock, taken on a connection of its
 * own so that the work may commit as it goes. Waits up to the timeout, then fails with
 * {@link LockTimeoutException}. A zero timeout tries once without waiting on the lock another run holds (how a
 * tenant run passes over a tenant that another replica is migrating). An unlock failure never hides the work's own
 * error.
 */
public interface MigrationLock {

	<T> T withLock(DataSource dataSource, Duration timeout, Callable<T> work);

}
