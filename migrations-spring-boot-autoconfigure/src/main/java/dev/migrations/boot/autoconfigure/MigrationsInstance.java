package dev.migrations.boot.autoconfigure;

import dev.migrations.Migrations;
import dev.migrations.error.MigrationsException;

/**
 * One named migration set of the application, {@code migrations.instances.<name>}, ready to run.
 *
 * @param name the instance's name, the {@code instance} tag of its observations
 * @param migrations the engine over the instance's database
 * @param probe reads the instance's status for the endpoint and health
 * @param strategy what start-up does with the instance's database, in the run mode, failures named
 */
public record MigrationsInstance(String name, Migrations migrations, MigrationsStatusProbe probe,
		MigrationsStartupStrategy strategy) {

	/** The initializer that runs the strategy. */
	MigrationsInitializer initializer() {
		return new MigrationsInitializer(this.migrations, this.strategy);
	}

	/**
	 * The strategy with its failures named after the instance, before the run mode reports them (a job's
	 * {@code FAILED:} line, an asynchronous run's log) or start-up fails on them.
	 */
	static MigrationsStartupStrategy named(String name, MigrationsStartupStrategy strategy) {
		return (engine) -> {
			try {
				strategy.migrate(engine);
			}
			catch (RuntimeException ex) {
				throw failure(name, ex);
			}
		};
	}

	/** The failure with the instance's name in front, its kind and hint kept for the failure analysis. */
	static RuntimeException failure(String name, RuntimeException failure) {
		if (failure instanceof MigrationsException migrationsException) {
			return new InstanceFailureException(name, migrationsException);
		}
		return new IllegalStateException("Migration instance '" + name + "': " + failure.getMessage(), failure);
	}

}
