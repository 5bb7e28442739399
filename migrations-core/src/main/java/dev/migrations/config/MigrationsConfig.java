package dev.migrations.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.script.JavaMigration;

/**
 * Everything the engine needs besides a {@code DataSource}. Immutable; build one with {@link #builder()}.
 *
 * @param locations where scripts are read from: {@code classpath:path} or {@code filesystem:path} (a bare path is a
 * filesystem path)
 * @param javaMigrations revisions written in Java, in addition to the scripts
 * @param classLoader the class loader for {@code classpath:} locations
 * @param schema the schema of the version and history tables; {@code null} for the connection's default
 * @param createSchemas whether a command that writes the state creates a configured {@code schema} that does not
 * exist (Flyway's {@code createSchemas}); when {@code false}, every command that touches the database fails on a
 * missing schema instead, and no command ever creates one while only reading
 * @param versionTable the version table's name
 * @param historyTable the history table's name
 * @param transactionMode per revision (default) or one transaction for the run
 * @param lockTimeout how long a run waits for another run's lock ({@code migrations.lock-wait}; not the lock timeout of
 * a revision's statements, which is {@link RunSafety#statementLockTimeout()})
 * @param validateChecksums whether {@code upgrade}, {@code downgrade} and {@code check} fail on an applied revision
 * whose script changed
 * @param listener told of each step as it runs
 * @param offlineDialect the database offline SQL ({@code --sql}) is written for when there is no connection:
 * {@code postgresql}, {@code h2} or {@code mariadb}; {@code null} for PostgreSQL. With a connection the dialect is
 * detected.
 * @param safety the timeouts, retries and reconnection of a run on a live database
 * @param tenant the tenant a run is for, which {@code ${tenant}} in a script's statements stands for; {@code null}
 * outside tenant runs, where scripts run as written
 */
public record MigrationsConfig(List<String> locations, List<JavaMigration> javaMigrations, ClassLoader classLoader,
		String schema, boolean createSchemas, String versionTable, String historyTable, TransactionMode transactionMode,
		Duration lockTimeout, boolean validateChecksums, MigrationListener listener, String offlineDialect,
		RunSafety safety, String tenant) {

	public static final String DEFAULT_LOCATION = "classpath:db/migrations";

	public static final String DEFAULT_VERSION_TABLE = "migrations_version";

	public static final String DEFAULT_HISTORY_TABLE = "migrations_history";

	public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);

	public MigrationsConfig {
		locations = List.copyOf(locations);
		javaMigrations = List.copyOf(javaMigrations);
		Objects.requireNonNull(classLoader, "classLoader");
		Objects.requireNonNull(versionTable, "versionTable");
		Objects.requireNonNull(historyTable, "historyTable");
		Objects.requireNonNull(transactionMode, "transactionMode");
		Objects.requireNonNull(lockTimeout, "lockTimeout");
		Objects.requireNonNull(listener, "listener");
		Objects.requireNonNull(safety, "safety");
		if (versionTable.equalsIgnoreCase(historyTable)) {
			throw new MigrationsException(ErrorKind.CONFIG,
					"The version table and the history table are both named '" + versionTable + "'",
					"Give them different names: --version-table and --history-table (migrations.version-table, "
							+ "migrations.history-table); the defaults are " + DEFAULT_VERSION_TABLE + " and "
							+ DEFAULT_HISTORY_TABLE);
		}
	}

	public static Builder builder() {
		return new Builder();
	}

	/** A builder that starts from this configuration. */
	public Builder toBuilder() {
		return new Builder().locations(this.locations)
			.javaMigrations(this.javaMigrations)
			.classLoader(this.classLoader)
			.schema(this.schema)
			.createSchemas(this.createSchemas)
			.versionTable(this.versionTable)
			.historyTable(this.historyTable)
			.transactionMode(this.transactionMode)
			.lockTimeout(this.lockTimeout)
			.validateChecksums(this.validateChecksums)
			.listener(this.listener)
			.offlineDialect(this.offlineDialect)
			.safety(this.safety)
			.tenant(this.tenant);
	}

	/** Builds a {@link MigrationsConfig}; every setting starts at the documented default. */
	public static final class Builder {

		private List<String> locations = List.of(DEFAULT_LOCATION);

		private List<JavaMigration> javaMigrations = List.of();

		private ClassLoader classLoader = Thread.currentThread().getContextClassLoader() != null
				? Thread.currentThread().getContextClassLoader() : MigrationsConfig.class.getClassLoader();

		private String schema;

		private boolean createSchemas;

		private String versionTable = DEFAULT_VERSION_TABLE;

		private String historyTable = DEFAULT_HISTORY_TABLE;

		private TransactionMode transactionMode = TransactionMode.PER_REVISION;

		private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;

		private boolean validateChecksums = true;

		private MigrationListener listener = MigrationListener.NONE;

		private String offlineDialect;

		private RunSafety safety = RunSafety.DEFAULTS;

		private String tenant;

		private Builder() {
		}

		public Builder locations(List<String> locations) {
			this.locations = locations;
			return this;
		}

		public Builder locations(String... locations) {
			return locations(List.of(locations));
		}

		public Builder javaMigrations(List<JavaMigration> javaMigrations) {
			this.javaMigrations = javaMigrations;
			return this;
		}

		public Builder classLoader(ClassLoader classLoader) {
			this.classLoader = classLoader;
			return this;
		}

		public Builder schema(String schema) {
			this.schema = schema;
			return this;
		}

		public Builder createSchemas(boolean createSchemas) {
			this.createSchemas = createSchemas;
			return this;
		}

		public Builder versionTable(String versionTable) {
			this.versionTable = versionTable;
			return this;
		}

		public Builder historyTable(String historyTable) {
			this.historyTable = historyTable;
			return this;
		}

		public Builder transactionMode(TransactionMode transactionMode) {
			this.transactionMode = transactionMode;
			return this;
		}

		public Builder lockTimeout(Duration lockTimeout) {
			this.lockTimeout = lockTimeout;
			return this;
		}

		public Builder validateChecksums(boolean validateChecksums) {
			this.validateChecksums = validateChecksums;
			return this;
		}

		public Builder listener(MigrationListener listener) {
			this.listener = listener;
			return this;
		}

		public Builder offlineDialect(String offlineDialect) {
			this.offlineDialect = offlineDialect;
			return this;
		}

		public Builder safety(RunSafety safety) {
			this.safety = safety;
			return this;
		}

		public Builder tenant(String tenant) {
			this.tenant = tenant;
			return this;
		}

		public MigrationsConfig build() {
			return new MigrationsConfig(this.locations, this.javaMigrations, this.classLoader, this.schema,
					this.createSchemas, this.versionTable, this.historyTable, this.transactionMode, this.lockTimeout,
					this.validateChecksums, this.listener, this.offlineDialect, this.safety, this.tenant);
		}

	}

}
