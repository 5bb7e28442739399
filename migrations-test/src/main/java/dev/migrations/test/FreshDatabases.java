package dev.migrations.test;

import dev.migrations.Migrations;
import dev.migrations.config.MigrationsConfig;

/**
 * Where each check gets an empty database of its own: see {@link TestDatabases} for PostgreSQL, H2 and a schema per
 * check inside a given database.
 */
@FunctionalInterface
public interface FreshDatabases {

	/**
	 * @param purpose a short word for the name, such as {@code stairway}: letters, digits and underscores
	 * @return a new, empty database; the caller closes it
	 */
	TestDatabase create(String purpose);

	/**
	 * A new database at every head of the configuration's scripts, for tests that start from the schema the
	 * application runs on. By default the scripts run on a new database; PostgreSQL copies a template instead (see
	 * {@link PostgresDatabases#templateCache(boolean)}).
	 */
	default TestDatabase createAtHeads(String purpose, MigrationsConfig config) {
		TestDatabase database = create(purpose);
		try {
			new Migrations(config, database.dataSource()).upgrade("heads");
			return database;
		}
		catch (RuntimeException ex) {
			database.close();
			throw ex;
		}
	}

}
