package dev.migrations.config;

import dev.migrations.graph.PlanStep;

/**
 * Told of each step of a run just before it runs; the command line prints {@link PlanStep#describe()}
 * ({@code Running upgrade a -> b, message}), as Alembic does. The other callbacks, for timing runs and steps (the
 * starter's observations), do nothing unless overridden; each run calls them on the thread it runs on.
 */
@FunctionalInterface
public interface MigrationListener {

	MigrationListener NONE = (step) -> {
	};

	void beforeStep(PlanStep step);

	/** Told that a step ran and was recorded (committed, unless the run is one transaction). */
	default void afterStep(PlanStep step) {
	}

	/** Told that a step failed; the failure is thrown on after this. */
	default void stepFailed(PlanStep step, Throwable failure) {
	}

	/**
	 * Told that a run starts, before it reads the database.
	 *
	 * @param command {@code upgrade}, {@code downgrade} or {@code stamp}
	 */
	default void runStarting(String command) {
	}

	/**
	 * Told that a run ended.
	 *
	 * @param command {@code upgrade}, {@code downgrade} or {@code stamp}
	 * @param steps how many steps it ran (none after a failure)
	 * @param failure why it failed, or {@code null} when it succeeded
	 */
	default void runEnded(String command, int steps, Throwable failure) {
	}

	/**
	 * The listener of one tenant's runs, used in this one's place so that a listener can tell tenants apart (their
	 * runs may go on at once, on several threads).
	 *
	 * @param tenant the tenant's id
	 * @return this listener, unless it keeps tenants apart
	 */
	default MigrationListener forTenant(String tenant) {
		return this;
	}

}
