package dev.migrations.boot.autoconfigure;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import org.jspecify.annotations.Nullable;

/**
 * A read of the database that answers within a bound time, whatever the database does (it hangs, or a transaction
 * keeps the table locked). The read runs on a thread of its own; one that does not end in time goes on in the
 * background, and the callers that come meanwhile wait for that same read, so a hanging database holds one thread
 * and one connection, not one per caller. Behind {@link MigrationsStatusProbe} and the endpoint's read of a tenant.
 *
 * @param <T> what the read gives
 */
public final class BoundedRead<T> {

	private final String threadName;

	private final String timeoutHint;

	private final Supplier<T> read;

	private final AtomicReference<@Nullable CompletableFuture<T>> inFlight = new AtomicReference<>();

	/**
	 * @param threadName the name of the thread the read runs on
	 * @param timeoutHint what to do when the read does not end in time
	 * @param read reads the database
	 */
	public BoundedRead(String threadName, String timeoutHint, Supplier<T> read) {
		this.threadName = threadName;
		this.timeoutHint = timeoutHint;
		this.read = read;
	}

	/**
	 * What the read in progress gives, or a new read when none is.
	 * @param timeout how long to wait for it
	 * @throws MigrationsException the read's own failure, a connection error when it did not end in time
	 */
	public T within(Duration timeout) {
		try {
			return currentRead().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw new MigrationsException(ErrorKind.CONNECTION,
					"The database did not answer within " + timeout.toMillis() + " ms", this.timeoutHint);
		}
		catch (ExecutionException ex) {
			throw asMigrationsException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MigrationsException(ErrorKind.STATE, "Interrupted while reading the database's state", null);
		}
	}

	/** Whether no read is in progress. */
	public boolean idle() {
		CompletableFuture<T> current = this.inFlight.get();
		return current == null || current.isDone();
	}

	/** The read in progress, or a new one on a thread of its own when none is. */
	private CompletableFuture<T> currentRead() {
		while (true) {
			CompletableFuture<T> current = this.inFlight.get();
			if (current != null && !current.isDone()) {
				return current;
			}
			CompletableFuture<T> next = new CompletableFuture<>();
			if (this.inFlight.compareAndSet(current, next)) {
				Thread reader = new Thread(() -> {
					try {
						next.complete(this.read.get());
					}
					catch (RuntimeException ex) {
						next.completeExceptionally(ex);
					}
				}, this.threadName);
				reader.setDaemon(true);
				reader.start();
				return next;
			}
		}
	}

	private static MigrationsException asMigrationsException(Throwable failure) {
		if (failure instanceof MigrationsException migrationsException) {
			return migrationsException;
		}
		return new MigrationsException(ErrorKind.CONNECTION,
				"Could not read the database's state: " + failure.getClass().getSimpleName() + ": "
						+ failure.getMessage(),
				"Check that the database is running and reachable", failure);
	}

}
