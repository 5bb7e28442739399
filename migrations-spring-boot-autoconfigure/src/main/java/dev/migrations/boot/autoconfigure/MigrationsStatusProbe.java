package dev.migrations.boot.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import dev.migrations.Migrations;
import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.execute.RunResult;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@link MigrationsStatus} for the endpoint and health within a bound time, whatever the database does:
 * a probe that waits for the pool's connection timeout (30 s by default) is one Kubernetes gives up on, and it
 * restarts the pod for a database outage. A read that does not end in time goes on in the background; probes that
 * come meanwhile wait for the same read, so a hanging database holds one thread, not one per probe. It remembers
 * the last state it saw and when, and the state the application's own start-up upgrade left, which is known
 * without asking the database.
 */
public final class MigrationsStatusProbe {

	/** How long a probe waits for the database: well within the 2 s a probe is commonly given, with room to answer. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);

	private final Migrations migrations;

	private final String target;

	private final Duration timeout;

	private final AtomicReference<@Nullable CompletableFuture<MigrationsStatus>> inFlight = new AtomicReference<>();

	private volatile @Nullable Seen lastSeen;

	private volatile @Nullable Seen migrated;

	private volatile boolean upgrading;

	/**
	 * @param migrations the engine over the application's database
	 * @param target the revision the application upgrades to ({@code migrations.target})
	 * @param timeout how long a read may take before the probe answers without it
	 */
	public MigrationsStatusProbe(Migrations migrations, String target, Duration timeout) {
		this.migrations = migrations;
		this.target = target;
		this.timeout = timeout;
	}

	public Migrations migrations() {
		return this.migrations;
	}

	public String target() {
		return this.target;
	}

	/** Records what the application's own upgrade to the target left: the version rows, checksums validated. */
	public void migrated(RunResult result) {
		Seen seen = new Seen(Instant.now(), result.after(), true, List.of());
		this.migrated = seen;
		this.lastSeen = seen;
	}

	/** Whether the application's start-up work is running on a thread of its own ({@code migrations.mode=async}). */
	public boolean upgrading() {
		return this.upgrading;
	}

	void upgrading(boolean upgrading) {
		this.upgrading = upgrading;
	}

	/** The state the application's start-up upgrade left, if it upgraded the database itself. */
	public Optional<Seen> migratedByApplication() {
		return Optional.ofNullable(this.migrated);
	}

	/** How many revisions were pending when the application last saw the database; NaN before it saw any. */
	public double pendingRevisions() {
		Seen seen = this.lastSeen;
		return (seen != null) ? seen.pending().size() : Double.NaN;
	}

	/** The database's status, or why it could not be read in time with the last state seen. */
	public Reading read() {
		CompletableFuture<MigrationsStatus> read = currentRead();
		try {
			MigrationsStatus status = read.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			this.lastSeen = new Seen(Instant.now(), status.current(), status.upToDate(), status.pending());
			return new Reading.Read(status);
		}
		catch (TimeoutException ex) {
			return new Reading.Unavailable(new MigrationsException(ErrorKind.CONNECTION,
					"The database did not answer within " + this.timeout.toMillis() + " ms",
					"Check that the database is running and reachable; lastSeen is the state last read from it"),
					this.lastSeen);
		}
		catch (ExecutionException ex) {
			return new Reading.Unavailable(asMigrationsException(ex.getCause()), this.lastSeen);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Reading.Unavailable(new MigrationsException(ErrorKind.STATE, "Interrupted while reading the"
					+ " database's state", null), this.lastSeen);
		}
	}

	/** The read in progress, or a new one on a thread of its own when none is. */
	private CompletableFuture<MigrationsStatus> currentRead() {
		while (true) {
			CompletableFuture<MigrationsStatus> current = this.inFlight.get();
			if (current != null && !current.isDone()) {
				return current;
			}
			CompletableFuture<MigrationsStatus> next = new CompletableFuture<>();
			if (this.inFlight.compareAndSet(current, next)) {
				Thread reader = new Thread(() -> {
					try {
						next.complete(MigrationsStatus.read(this.migrations, this.target));
					}
					catch (RuntimeException ex) {
						next.completeExceptionally(ex);
					}
				}, "migrations-status");
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

	/**
	 * A state of the database as the application saw it.
	 *
	 * @param at when it was seen
	 * @param current the revisions in the version table
	 * @param upToDate whether it was at the target with no unknown revision and no changed script
	 * @param pending the revisions not applied then
	 */
	public record Seen(Instant at, List<String> current, boolean upToDate, List<String> pending) {

	}

	/** What one read gave: the status, or why there is none. */
	public sealed interface Reading {

		/** @param status the database's status, read now */
		record Read(MigrationsStatus status) implements Reading {

		}

		/**
		 * @param cause why the state could not be read
		 * @param lastSeen the state last seen, or {@code null} if the application has seen none
		 */
		record Unavailable(MigrationsException cause, @Nullable Seen lastSeen) implements Reading {

		}

	}

}
