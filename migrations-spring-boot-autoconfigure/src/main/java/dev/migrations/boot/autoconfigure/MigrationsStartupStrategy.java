package dev.migrations.boot.autoconfigure;

import dev.migrations.Migrations;

/**
 * What the application does with its database on start-up. By default {@code migrations.on-startup} decides; a bean
 * of this type replaces that, for instance to back the database up first:
 *
 * <pre>{@code
 * @Bean
 * MigrationsStartupStrategy backUpThenUpgrade(Backup backup) {
 * 	return (migrations) -> {
 * 		backup.run();
 * 		MigrationsStartupStrategy.upgrade("head").migrate(migrations);
 * 	};
 * }
 * }</pre>
 */
@FunctionalInterface
public interface MigrationsStartupStrategy {

	void migrate(Migrations migrations);

	/**
	 * Upgrades the database to {@code target} ({@code heads} for every branch), logging each step; first logs what
	 * lint finds in the revisions to run.
	 */
	static MigrationsStartupStrategy upgrade(String target) {
		return upgrade(target, MigrationsProperties.Lint.WARN);
	}

	/**
	 * Upgrades the database to {@code target}, logging each step; first lints the revisions to run as
	 * {@code migrations.lint} says: not at all, logging the findings, or failing on an error-level one.
	 */
	static MigrationsStartupStrategy upgrade(String target, MigrationsProperties.Lint lint) {
		return (migrations) -> StartupActions.upgrade(migrations, target, lint);
	}

	/**
	 * Fails with a {@link dev.migrations.error.MigrationsException} unless the database is at {@code target} with every
	 * applied checksum matching.
	 */
	static MigrationsStartupStrategy validate(String target) {
		return (migrations) -> StartupActions.validate(migrations, target);
	}

	/** Leaves the database alone. */
	static MigrationsStartupStrategy none() {
		return (migrations) -> {
		};
	}

}
