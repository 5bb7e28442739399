package dev.migrations.execute;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.config.MigrationsConfig;
import dev.migrations.dialect.Dialect;
import dev.migrations.dialect.Dialects;
import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.state.HistoryEntry;
import dev.migrations.state.HistorySummary;
import dev.migrations.state.HistoryTable;
import dev.migrations.state.VersionTable;

/**
 * The database side of a run: connections, the dialect, the version and history tables, and the lock that keeps
 * runs apart. Reading the state creates nothing; {@link #ensureTables} creates both tables on first use. Every
 * command reaches the database through {@link #read} or {@link #withLock}, and both first check that a configured
 * schema exists ({@link #requireSchema}).
 */
public final class Database {

	private static final Logger logger = LoggerFactory.getLogger(Database.class);

	private static final long FIRST_RECONNECT_PAUSE_MILLIS = 250;

	private static final long LONGEST_RECONNECT_PAUSE_MILLIS = 4_000;

	private final DataSource dataSource;

	private final MigrationsConfig config;

	private volatile Dialect dialect;

	/** A connection being opened ahead of need by {@link #connectAhead}, for the next {@link #connect} to take. */
	private final AtomicReference<CompletableFuture<Connection>> ahead = new AtomicReference<>();

	public Database(DataSource dataSource, MigrationsConfig config) {
		this.dataSource = dataSource;
		this.config = config;
	}

	/**
	 * Starts opening a connection on a thread of its own, for the next {@link #connect} to take: a run's first
	 * connection (a server process to start, a cold driver) then costs no time of its own while the caller loads
	 * the scripts. Does nothing if one is already on its way. Whoever starts it must take it with {@link #connect},
	 * or give it up with {@link #discardAhead}.
	 */
	public void connectAhead() {
		CompletableFuture<Connection> pending = new CompletableFuture<>();
		if (this.ahead.compareAndSet(null, pending)) {
			Thread opener = new Thread(() -> {
				try {
					pending.complete(this.dataSource.getConnection());
				}
				catch (SQLException | RuntimeException ex) {
					pending.completeExceptionally(ex);
				}
			}, "migrations-connect");
			opener.setDaemon(true);
			opener.start();
		}
	}

	/** Closes the connection {@link #connectAhead} is opening, if nobody took it. */
	public void discardAhead() {
		CompletableFuture<Connection> pending = this.ahead.getAndSet(null);
		if (pending != null) {
			pending.thenAccept(Database::closeQuietly);
		}
	}

	/** A new connection (the one opened ahead, if any); a database that cannot be reached is a one-line error. */
	public Connection connect() {
		try {
			CompletableFuture<Connection> pending = this.ahead.getAndSet(null);
			return (pending != null) ? take(pending) : this.dataSource.getConnection();
		}
		catch (SQLException ex) {
			throw new MigrationsException(ErrorKind.CONNECTION,
					"Cannot connect to the database: "
							+ MaskedUrl.of(SqlExecutionException.oneLine(ex.getMessage(), 300)),
					SqlErrorClass.of(ex)
						.filter((kind) -> kind != SqlErrorClass.CONNECTION)
						.map(SqlErrorClass::hint)
						.orElse("Check that the database is running and that the URL, user and password are right"),
					ex);
		}
	}

	/**
	 * Waits until a connection can be had again, trying with growing pauses for at most {@code budget}.
	 * @throws ConnectionLostException the lost connection's failure, saying that reconnecting failed
	 */
	void awaitConnection(Duration budget, ConnectionLostException lost) {
		long deadline = System.nanoTime() + budget.toNanos();
		long pause = FIRST_RECONNECT_PAUSE_MILLIS;
		while (true) {
			try (Connection connection = connect()) {
				return;
			}
			catch (MigrationsException | SQLException ex) {
				long remaining = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
				if (remaining <= 0) {
					throw lost.reconnectFailed(budget, ex.getMessage());
				}
				logger.info("Reconnecting to the database: {}", ex.getMessage());
				try {
					Thread.sleep(Math.min(remaining, pause / 2 + ThreadLocalRandom.current().nextLong(pause / 2 + 1)));
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw lost;
				}
				pause = Math.min(pause * 2, LONGEST_RECONNECT_PAUSE_MILLIS);
			}
		}
	}

	private static Connection take(CompletableFuture<Connection> pending) throws SQLException {
		try {
			return pending.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof SQLException failure) {
				throw failure;
			}
			throw (ex.getCause() instanceof RuntimeException failure) ? failure : ex;
		}
	}

	private static void closeQuietly(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			// nothing was done on it: there is nothing to lose
		}
	}

	public Dialect dialect() {
		Dialect detected = this.dialect;
		if (detected == null) {
			try (Connection connection = connect()) {
				detected = dialect(connection);
			}
			catch (SQLException ex) {
				throw failure("detect the database", ex);
			}
		}
		return detected;
	}

	Dialect dialect(Connection connection) throws SQLException {
		if (this.dialect == null) {
			this.dialect = Dialects.detect(connection);
		}
		return this.dialect;
	}

	public VersionTable versionTable(Dialect dialect) {
		return new VersionTable(dialect, this.config.schema(), this.config.versionTable());
	}

	public HistoryTable historyTable(Dialect dialect) {
		return new HistoryTable(dialect, this.config.schema(), this.config.historyTable());
	}

	/** The version rows; none when the table does not exist yet. Creates nothing. */
	public List<String> readRows() {
		return read((connection) -> readRows(connection));
	}

	List<String> readRows(Connection connection) throws SQLException {
		return versionTable(dialect(connection)).read(connection);
	}

	/** For each applied revision, its latest applying history row; none when the table does not exist yet. */
	public Map<String, HistoryEntry> readApplied() {
		return read((connection) -> readApplied(connection));
	}

	Map<String, HistoryEntry> readApplied(Connection connection) throws SQLException {
		return historyTable(dialect(connection)).latestApplied(connection);
	}

	/** Every history row, oldest first; none when the table does not exist yet. Creates nothing. */
	public List<HistoryEntry> readLog() {
		return read((connection) -> historyTable(dialect(connection)).readAll(connection));
	}

	/** For each applied revision, the checksum recorded when it was applied; none when there is no history yet. */
	Map<String, String> readChecksums(Connection connection) throws SQLException {
		return readHistory(connection).appliedChecksums();
	}

	/** The applied checksums and the failures left partly applied, from one reading of the history table. */
	HistorySummary readHistory(Connection connection) throws SQLException {
		return historyTable(dialect(connection)).summary(connection);
	}

	/**
	 * Creates the version table and the history table where missing, and the configured schema where missing, which
	 * {@link #requireSchema} allowed before (under {@code createSchemas}).
	 */
	void ensureTables(Connection connection) throws SQLException {
		Dialect dialect = dialect(connection);
		versionTable(dialect).createIfMissing(connection);
		historyTable(dialect).createIfMissing(connection);
		if (!connection.getAutoCommit()) {
			connection.commit();
		}
	}

	/**
	 * Runs the work while holding the migration lock, waiting up to the configured lock timeout. The schema is checked
	 * first, on the connection that detects the dialect, so that a missing one fails before the lock (whose table
	 * lives in that schema on H2) or the tables create anything.
	 */
	public <T> T withLock(Callable<T> work) {
		Dialect detected = (this.dialect != null && !checksSchema()) ? this.dialect : read(this::dialect);
		return detected.lock(this.config.schema(), this.config.versionTable())
			.withLock(this.dataSource, this.config.lockTimeout(), work);
	}

	/** Work on one connection that may throw {@link SQLException}. */
	@FunctionalInterface
	public interface ConnectionWork<T> {

		T run(Connection connection) throws SQLException;

	}

	/** Runs the work on a connection of its own, closed afterwards, once {@link #requireSchema} passed on it. */
	public <T> T read(ConnectionWork<T> work) {
		try (Connection connection = connect()) {
			requireSchema(connection);
			return work.run(connection);
		}
		catch (SQLException ex) {
			throw failure("read the migration state", ex);
		}
	}

	/**
	 * Fails when a configured schema does not exist and may not be created: no command creates one unless asked
	 * ({@code createSchemas}), and none reads a missing schema as an empty database (every revision pending). With
	 * {@code createSchemas} a missing schema reads as empty, as the first upgrade will create it.
	 */
	private void requireSchema(Connection connection) throws SQLException {
		if (!checksSchema()) {
			return;
		}
		String schema = this.config.schema();
		Dialect dialect = dialect(connection);
		if (!dialect.schemaExists(connection, schema)) {
			throw new MigrationsException(ErrorKind.CONFIG, "Schema '" + schema + "' does not exist",
					"Create it (" + dialect.createSchema(schema) + ") or correct the schema name; or let upgrade, "
							+ "downgrade and stamp create it: migrations.create-schemas=true (command line: "
							+ "--create-schemas)");
		}
	}

	/** Whether a schema is configured that must exist already. */
	private boolean checksSchema() {
		String schema = this.config.schema();
		return schema != null && !schema.isBlank() && !this.config.createSchemas();
	}

	/** A failure to read or write the tables: of the connection when the connection failed, else of the state. */
	static MigrationsException failure(String what, SQLException ex) {
		boolean connectionFailed = SqlErrorClass.of(ex).filter((kind) -> kind == SqlErrorClass.CONNECTION).isPresent();
		return new MigrationsException(connectionFailed ? ErrorKind.CONNECTION : ErrorKind.STATE,
				"Could not " + what + ": "
						+ SqlExecutionException.oneLine(SqlErrorClass.innermost(ex).getMessage(), 300),
				SqlErrorClass.of(ex)
					.map(SqlErrorClass::stateTableHint)
					.orElse("Check the database user's rights on the version and history tables (and the schema)"),
				ex);
	}

}
