package dev.migrations.settings;

import java.time.Duration;
import java.util.List;

import dev.migrations.config.MigrationsConfig;
import dev.migrations.config.RunSafety;
import dev.migrations.config.TransactionMode;
import dev.migrations.dialect.Dialects;
import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;

/**
 * The settings {@link SettingsResolver} resolved: which database, which credentials, which locations, and the
 * engine's other options.
 *
 * @param database where the database is; {@code null} when none is configured or its URL is unusable
 * @param databaseSource where the URL was given ({@code --url}, {@code DATABASE_URL}...), or {@code null}
 * @param unusableDatabase why the configured URL can't be used, or {@code null}: it fails only what connects, so that
 * an unrelated {@code DATABASE_URL} does not stop commands that read no database
 * @param user the database user, or {@code null}
 * @param password the password, or {@code null}
 * @param locations the script locations
 * @param locationsFrom where the locations were found
 * @param schema the schema of the engine's tables, or {@code null} for the connection's default
 * @param createSchemas whether {@code upgrade}, {@code downgrade} and {@code stamp} create a missing schema
 * @param versionTable the version table
 * @param historyTable the history table
 * @param transactionMode per revision or single
 * @param lockTimeout how long to wait for another run's lock
 * @param validateChecksums whether a changed applied script fails {@code upgrade}, {@code downgrade} and
 * {@code check}
 * @param safety the timeouts, lock retries and reconnection of a run on a live database
 * @param entityPackages the packages (with their subpackages) of the set's JPA entities, which autogenerate compares
 * with its schema; empty for every entity of the project
 */
public record MigrationsSettings(DatabaseUrl database, String databaseSource, MigrationsException unusableDatabase,
		String user, String password, List<String> locations, SettingLayer locationsFrom, String schema,
		boolean createSchemas, String versionTable, String historyTable, TransactionMode transactionMode,
		Duration lockTimeout, boolean validateChecksums, RunSafety safety, List<String> entityPackages) {

	public MigrationsSettings {
		locations = List.copyOf(locations);
		entityPackages = List.copyOf(entityPackages);
	}

	/** Whether a usable database is configured. */
	public boolean hasDatabase() {
		return this.database != null;
	}

	/**
	 * The configured database.
	 * @throws MigrationsException when no database is configured, or its URL is unusable
	 */
	public DatabaseUrl requireDatabase() {
		if (this.unusableDatabase != null) {
			throw this.unusableDatabase;
		}
		if (this.database == null) {
			throw new MigrationsException(ErrorKind.CONFIG, "No database configured",
					"Give --url (a JDBC URL or postgresql://user:pass@host:port/db), or set MIGRATIONS_URL or DATABASE_URL");
		}
		return this.database;
	}

	/** These settings with other locations, such as a project's {@code classpath:} read as its source folder. */
	public MigrationsSettings withLocations(List<String> locations) {
		return new MigrationsSettings(this.database, this.databaseSource, this.unusableDatabase, this.user,
				this.password, locations, this.locationsFrom, this.schema, this.createSchemas, this.versionTable,
				this.historyTable, this.transactionMode, this.lockTimeout, this.validateChecksums, this.safety,
				this.entityPackages);
	}

	/** The engine's configuration for these settings; listener, Java migrations and class loader aside. */
	public MigrationsConfig.Builder configBuilder() {
		return MigrationsConfig.builder()
			.locations(this.locations)
			.schema(this.schema)
			.createSchemas(this.createSchemas)
			.versionTable(this.versionTable)
			.historyTable(this.historyTable)
			.transactionMode(this.transactionMode)
			.lockTimeout(this.lockTimeout)
			.validateChecksums(this.validateChecksums)
			.safety(this.safety)
			.offlineDialect(offlineDialect());
	}

	/**
	 * The database {@code --sql} writes for: the configured one's, or none (PostgreSQL's) when no database is
	 * configured or the engine does not know it, as an unrelated {@code DATABASE_URL} may name.
	 */
	private String offlineDialect() {
		if (!hasDatabase()) {
			return null;
		}
		try {
			return Dialects.forJdbcUrl(this.database.jdbcUrl()).name();
		}
		catch (MigrationsException ex) {
			return null;
		}
	}

	@Override
	public String toString() {
		return "MigrationsSettings[database=" + this.database + ", user=" + this.user + ", locations=" + this.locations
				+ "]";
	}

}
