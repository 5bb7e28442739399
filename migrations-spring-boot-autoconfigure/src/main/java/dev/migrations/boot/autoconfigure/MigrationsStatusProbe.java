package dev.migrations.boot.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.migrations.Migrations;
import dev.migrations.error.MigrationsException;
import dev.migrations.execute.RunResult;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@link MigrationsStatus} for the endpoint and health within a bound time, whatever the database does
 * (see {@link BoundedRead}): a probe that waits for the pool's connection timeout (30 s by default) is one Kubernetes
 * gives up on, and it restarts the pod for a database outage. It remembers the last state it saw and when, and the
 * state the application's own start-up upgrade left, which is known without asking the database.
 */
public final class MigrationsStatusProbe {

	/** How long a probe waits for the database: well within the 2 s a probe is commonly given, with room to answer. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);

	private final Migrations migrations;

	private final String target;

	private final Duration timeout;

	private final BoundedRead<MigrationsStatus> status;

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
		this.status = new BoundedRead<>("migrations-status",
				"Check that the database is running and reachable; lastSeen is the state last read from it",
				() -> MigrationsStatus.read(migrations, target));
	}

	public Migrations migrations() {
		return this.migrations;
	}

	public String target() {
		return this.target;
	}

	/** How long a read may take before the probe answers without it. */
	public Duration timeout() {
		return this.timeout;
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
		try {
			MigrationsStatus status = this.status.within(this.timeout);
			this.lastSeen = new Seen(Instant.now(), status.current(), status.upToDate(), status.pending());
			return new Reading.Read(status);
		}
		catch (MigrationsException ex) {
			return new Reading.Unavailable(ex, this.lastSeen);
		}
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
