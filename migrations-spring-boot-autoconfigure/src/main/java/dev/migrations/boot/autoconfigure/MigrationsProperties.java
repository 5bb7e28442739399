package dev.migrations.boot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.migrations.config.MigrationsConfig;
import dev.migrations.config.RunSafety;
import dev.migrations.config.TransactionMode;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;

/**
 * The {@code migrations.*} properties. Each default is the engine's own ({@code MigrationsConfig.DEFAULT_*}), so an
 * application behaves like the command line with no settings.
 */
@ConfigurationProperties("migrations")
public class MigrationsProperties {

	/** Whether to wire migrations into the application at all. */
	private boolean enabled = true;

	/** What to do with the database on start-up. */
	private OnStartup onStartup = OnStartup.UPGRADE;

	/**
	 * How the start-up work runs: 'startup' on the start-up thread, before the application's database users; 'job'
	 * then exit 0 or 1 without the web server or the rest of the application; 'async' on a thread of its own while
	 * the application starts, readiness out of service until it ends.
	 */
	private Mode mode = Mode.STARTUP;

	/** Revision to upgrade to or validate against: 'head', 'heads' for every branch, an id or 'label@head'. */
	private String target = "head";

	/** Locations of revision scripts, 'classpath:' or 'filesystem:' paths. */
	private List<String> locations = new ArrayList<>(List.of(MigrationsConfig.DEFAULT_LOCATION));

	/** Schema of the version and history tables; the connection's default schema when unset. */
	private @Nullable String schema;

	/**
	 * Whether to create the schema when it does not exist; when false, start-up fails on a missing schema instead of
	 * creating it.
	 */
	private boolean createSchemas;

	/**
	 * Whether to create the database the URL names ('migrations.url', else the application's) when it does not exist,
	 * before the start-up upgrade; on PostgreSQL from the 'postgres' database, on MariaDB from the server.
	 */
	private boolean createDatabase;

	/** Name of the table that holds the database's current revisions. */
	private String versionTable = "migrations_version";

	/** Name of the append-only table that logs every upgrade, downgrade and stamp. */
	private String historyTable = "migrations_history";

	/** Whether each revision runs in a transaction of its own or the whole run in one. */
	private TransactionMode transactionMode = TransactionMode.PER_REVISION;

	/** How long to wait for another instance that holds the migration lock; 60s when unset. */
	private @Nullable Duration lockWait;

	/** The former name of 'migrations.lock-wait'. */
	private @Nullable Duration lockTimeout;

	/**
	 * How long a revision's statement waits for a lock on a table or row before it fails (PostgreSQL's lock_timeout),
	 * so that a migration waiting for its lock does not queue every query behind it; the session's own when unset,
	 * 0 for no limit.
	 */
	private @Nullable Duration statementLockTimeout;

	/** How long a revision's statement may run; the session's own when unset, 0 for no limit. */
	private @Nullable Duration statementTimeout;

	/**
	 * How many times a transactional revision that failed on a lock timeout is tried again, with growing pauses.
	 */
	private int lockRetries;

	/**
	 * Whether a run that lost its connection reconnects, takes the lock again and goes on from where the database
	 * is; a revision that runs outside a transaction and was in flight is never run again.
	 */
	private boolean reconnect = true;

	/** Whether to lint the pending revisions before upgrading, and whether an error-level finding stops start-up. */
	private Lint lint = Lint.WARN;

	/** Whether to fail when the script of an applied revision has changed since. */
	private boolean validateChecksums = true;

	/** JDBC URL of a database connection of its own for migrations; the application's DataSource when unset. */
	private @Nullable String url;

	/** Login user for migrations: of 'migrations.url', or instead of the application DataSource's user. */
	private @Nullable String user;

	/** Login password for migrations. */
	private @Nullable String password;

	/**
	 * Further migration sets by name, each on its own database with its own options, run before this default set.
	 * Besides these keys, each takes 'url', 'user', 'password' and the engine options of 'migrations.*'
	 * ('locations', 'version-table', 'history-table'...) under its own prefix.
	 */
	private Map<String, MigrationsInstanceProperties> instances = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Mode getMode() {
		return this.mode;
	}

	public void setMode(Mode mode) {
		this.mode = mode;
	}

	public OnStartup getOnStartup() {
		return this.onStartup;
	}

	public void setOnStartup(OnStartup onStartup) {
		this.onStartup = onStartup;
	}

	public String getTarget() {
		return this.target;
	}

	public void setTarget(String target) {
		this.target = target;
	}

	public List<String> getLocations() {
		return this.locations;
	}

	public void setLocations(List<String> locations) {
		this.locations = locations;
	}

	public @Nullable String getSchema() {
		return this.schema;
	}

	public void setSchema(@Nullable String schema) {
		this.schema = schema;
	}

	public boolean isCreateSchemas() {
		return this.createSchemas;
	}

	public void setCreateSchemas(boolean createSchemas) {
		this.createSchemas = createSchemas;
	}

	public boolean isCreateDatabase() {
		return this.createDatabase;
	}

	public void setCreateDatabase(boolean createDatabase) {
		this.createDatabase = createDatabase;
	}

	public String getVersionTable() {
		return this.versionTable;
	}

	public void setVersionTable(String versionTable) {
		this.versionTable = versionTable;
	}

	public String getHistoryTable() {
		return this.historyTable;
	}

	public void setHistoryTable(String historyTable) {
		this.historyTable = historyTable;
	}

	public TransactionMode getTransactionMode() {
		return this.transactionMode;
	}

	public void setTransactionMode(TransactionMode transactionMode) {
		this.transactionMode = transactionMode;
	}

	/** The lock wait in effect: 'migrations.lock-wait', else its former name 'migrations.lock-timeout', else 60s. */
	public Duration getLockWait() {
		return (this.lockWait != null) ? this.lockWait
				: (this.lockTimeout != null) ? this.lockTimeout : MigrationsConfig.DEFAULT_LOCK_TIMEOUT;
	}

	public void setLockWait(@Nullable Duration lockWait) {
		this.lockWait = lockWait;
	}

	/** @deprecated use {@link #getLockWait()}, whose name tells it from the statements' lock timeout */
	@Deprecated(since = "0.1.0")
	@DeprecatedConfigurationProperty(replacement = "migrations.lock-wait",
			reason = "Renamed, to tell the wait for the migration lock from statement-lock-timeout")
	public @Nullable Duration getLockTimeout() {
		return this.lockTimeout;
	}

	/** @deprecated use {@link #setLockWait(Duration)} */
	@Deprecated(since = "0.1.0")
	public void setLockTimeout(@Nullable Duration lockTimeout) {
		this.lockTimeout = lockTimeout;
	}

	public @Nullable Duration getStatementLockTimeout() {
		return this.statementLockTimeout;
	}

	public void setStatementLockTimeout(@Nullable Duration statementLockTimeout) {
		this.statementLockTimeout = statementLockTimeout;
	}

	public @Nullable Duration getStatementTimeout() {
		return this.statementTimeout;
	}

	public void setStatementTimeout(@Nullable Duration statementTimeout) {
		this.statementTimeout = statementTimeout;
	}

	public int getLockRetries() {
		return this.lockRetries;
	}

	public void setLockRetries(int lockRetries) {
		this.lockRetries = lockRetries;
	}

	public boolean isReconnect() {
		return this.reconnect;
	}

	public void setReconnect(boolean reconnect) {
		this.reconnect = reconnect;
	}

	public Lint getLint() {
		return this.lint;
	}

	public void setLint(Lint lint) {
		this.lint = lint;
	}

	public boolean isValidateChecksums() {
		return this.validateChecksums;
	}

	public void setValidateChecksums(boolean validateChecksums) {
		this.validateChecksums = validateChecksums;
	}

	public @Nullable String getUrl() {
		return this.url;
	}

	public void setUrl(@Nullable String url) {
		this.url = url;
	}

	public @Nullable String getUser() {
		return this.user;
	}

	public void setUser(@Nullable String user) {
		this.user = user;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	public Map<String, MigrationsInstanceProperties> getInstances() {
		return this.instances;
	}

	public void setInstances(Map<String, MigrationsInstanceProperties> instances) {
		this.instances = instances;
	}

	/** The engine's configuration as these properties set it; Java migrations, class loader and customizers aside. */
	MigrationsConfig.Builder configBuilder() {
		return MigrationsConfig.builder()
			.locations(this.locations)
			.schema(this.schema)
			.createSchemas(this.createSchemas)
			.versionTable(this.versionTable)
			.historyTable(this.historyTable)
			.transactionMode(this.transactionMode)
			.lockTimeout(getLockWait())
			.validateChecksums(this.validateChecksums)
			.safety(new RunSafety(this.statementLockTimeout, this.statementTimeout, this.lockRetries, this.reconnect));
	}

	/** Whether start-up lints the revisions it is about to run ({@code docs/lint.md}). */
	public enum Lint {

		/** Run them without linting. */
		OFF,
		/** Log each finding, then upgrade. */
		WARN,
		/** Log each finding; an error-level one stops start-up before any revision runs. */
		FAIL

	}

	/** What the application does with its database on start-up. */
	public enum OnStartup {

		/** Upgrade the database to the target. */
		UPGRADE,
		/** Fail start-up unless the database is at the target with every applied checksum matching. */
		VALIDATE,
		/** Leave the database alone. */
		NONE

	}

	/** How the start-up work runs: for Kubernetes, a Job or init container ({@code job}) or behind readiness ({@code async}). */
	public enum Mode {

		/** On the start-up thread, before the application's database users (the default). */
		STARTUP,
		/** Then exit with 0 or 1, without starting the web server or the rest of the application. */
		JOB,
		/** On a thread of its own while the application starts; readiness stays out of service until it ends. */
		ASYNC

	}

}
