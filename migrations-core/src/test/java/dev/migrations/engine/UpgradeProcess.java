package dev.migrations.engine;

import dev.migrations.DriverManagerDataSource;
import dev.migrations.Migrations;
import dev.migrations.config.MigrationsConfig;

/**
 * A separate JVM that upgrades a database to head, for the concurrency test:
 * {@code java dev.migrations.engine.UpgradeProcess <scripts-dir> <jdbc-url> <user> [<password>]}. Prints the version
 * rows.
 */
public final class UpgradeProcess {

	private UpgradeProcess() {
	}

	public static void main(String[] args) {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(args[1], args[2],
				(args.length > 3) ? args[3] : null);
		Migrations migrations = new Migrations(
				MigrationsConfig.builder().locations("filesystem:" + args[0]).build(), dataSource);
		System.out.println(String.join(",", migrations.upgrade("head").after()));
	}

}
