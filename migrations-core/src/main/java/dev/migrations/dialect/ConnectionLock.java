package dev.migrations.dialect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.lock.LockTimeoutException;
import dev.migrations.lock.MigrationLock;

/**
 * A migration lock held by a connection of its own for as long as the work runs, so the work is free to use
 * (and commit on) other connections of the same {@code DataSource}. Subclasses say how to take the lock on that
 * connection; this class polls to the deadline, releases in {@code finally}, closes the connection, and logs a
 * failed release rather than letting it hide the work's outcome.
 */
abstract class ConnectionLock implements MigrationLock {

	private static final Logger logger = LoggerFactory.getLogger(ConnectionLock.class);

	private static final long FIRST_PAUSE_MILLIS = 50;

	private static final long LONGEST_PAUSE_MILLIS = 500;

	private static final Duration REPORT_EVERY = Duration.ofSeconds(5);

	/** Readies the lock's connection (and whatever the lock needs in the database) and returns the lock's name. */
	abstract String prepare(Connection connection) throws SQLException;

	/**
	 * Tries to take the lock, waiting at most {@code wait} where the database can wait itself; returns
	 * {@code false} if another session holds it.
	 */
	abstract boolean tryAcquire(Connection connection, String name, Duration wait) throws SQLException;

	abstract void release(Connection connection, String name) throws SQLException;

	/**
	 * Who holds the lock, for the log of a run that waits for it ({@code PostgreSQL session 4242 ...});
	 * {@code null} where the database does not tell.
	 */
	String holder(Connection connection, String name) throws SQLException {
		return null;
	}

	@Override
	public final <T> T withLock(DataSource dataSource, Duration timeout, Callable<T> work) {
		long deadline = System.nanoTime() + timeout.toNanos();
		Connection connection = connect(dataSource);
		try {
			String name = acquire(connection, timeout, deadline);
			try {
				return call(work);
			}
			finally {
				releaseLogged(connection, name);
			}
		}
		finally {
			closeLogged(connection);
		}
	}

	private static Connection connect(DataSource dataSource) {
		try {
			return dataSource.getConnection();
		}
		catch (SQLException ex) {
			throw new MigrationsException(ErrorKind.CONNECTION,
					"Could not open a connection to take the migration lock: " + ex.getMessage(),
					"Check that the database is reachable, and that a connection pool has a connection to spare "
							+ "for the lock while a run works on another",
					ex);
		}
	}

	private String acquire(Connection connection, Duration timeout, long deadline) {
		String name = "";
		try {
			name = prepare(connection);
			long pause = FIRST_PAUSE_MILLIS;
			long started = System.nanoTime();
			long nextReport = started + REPORT_EVERY.toNanos();
			while (!tryAcquire(connection, name, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
				long remainingMillis = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
				if (remainingMillis <= 0) {
					throw new LockTimeoutException(name, timeout);
				}
				if (System.nanoTime() - nextReport >= 0) {
					reportWaiting(connection, name, Duration.ofNanos(System.nanoTime() - started), timeout);
					nextReport += REPORT_EVERY.toNanos();
				}
				Thread.sleep(Math.min(pause, remainingMillis));
				pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
			}
			logger.debug("Took the migration lock '{}'", name);
			return name;
		}
		catch (SQLException ex) {
			throw new MigrationsException(ErrorKind.LOCK,
					"Could not take " + describe(name) + ": " + ex.getMessage(),
					"Check that the migration user may take locks (and, on H2, create the lock table)", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MigrationsException(ErrorKind.LOCK,
					"Interrupted while waiting for " + describe(name), "Run the command again", ex);
		}
	}

	/** A run that waits for another says so, and for whom, rather than falling silent until the timeout. */
	private void reportWaiting(Connection connection, String name, Duration waited, Duration timeout) {
		String holder;
		try {
			holder = holder(connection, name);
		}
		catch (SQLException ex) {
			holder = null;
		}
		logger.warn("Waiting for the migration lock '{}', held by {} ({} s so far, lock timeout {} s)", name,
				(holder != null) ? holder : "another run", waited.toSeconds(), timeout.toSeconds());
	}

	/** The lock's name for a message; empty while the connection was not ready to name it. */
	private static String describe(String name) {
		return name.isEmpty() ? "the migration lock" : "the migration lock '" + name + "'";
	}

	private static <T> T call(Callable<T> work) {
		try {
			return work.call();
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			ErrorKind kind = (ex instanceof SQLException) ? ErrorKind.SQL : ErrorKind.STATE;
			throw new MigrationsException(kind, ex.getMessage(), null, ex);
		}
	}

	/**
	 * Releases the lock, logging a failure in one line (the stack trace at debug level): a lock whose connection
	 * was lost went with it, which is worth no warning.
	 */
	private void releaseLogged(Connection connection, String name) {
		try {
			release(connection, name);
			logger.debug("Released the migration lock '{}'", name);
		}
		catch (SQLException | RuntimeException ex) {
			if (isOpen(connection)) {
				logger.warn("Could not release the migration lock '{}' ({}); closing its connection releases it",
						name, ex.getMessage());
			}
			else {
				logger.debug("The migration lock '{}' went with its lost connection", name);
			}
			logger.debug("Releasing the migration lock failed", ex);
		}
	}

	private static boolean isOpen(Connection connection) {
		try {
			return connection.isValid(1);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	/** {@code schema.table}, with the connection's current schema where none is configured. */
	static String lockName(Dialect dialect, Connection connection, String schema, String table) throws SQLException {
		String resolvedSchema = (schema != null) ? schema : dialect.currentSchema(connection);
		return (resolvedSchema != null) ? resolvedSchema + "." + table : table;
	}

	/** The SHA-256 of a lock's name, for databases whose lock keys are numbers or short strings. */
	static byte[] sha256(String name) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

	private static void closeLogged(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			logger.debug("Could not close the migration lock's connection", ex);
		}
	}

}
