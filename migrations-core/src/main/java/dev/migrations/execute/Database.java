package dev.migrations.execute;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import dev.migrations.ErrorKind;
import dev.migrations.MigrationsConfig;
import dev.migrations.MigrationsException;
import dev.migrations.dialect.Dialect;
import dev.migrations.dialect.Dialects;
import dev.migrations.state.HistoryEntry;
import dev.migrations.state.HistoryTable;
import dev.migrations.state.VersionTable;

/**
 * The database side of a run: connections, the dialect, the version and history tables, and the lock that keeps
 * runs apart. Reading the state creates nothing; {@link #ensureTables} creates both tables on first use.
 */
public final class Database {

	private final DataSource dataSource;

	private final MigrationsConfig config;

	private volatile Dialect dialect;

	public Database(DataSource dataSource, MigrationsConfig config) {
		this.dataSource = dataSource;
		this.config = config;
	}

	/** A new connection; a database that cannot be reached is a one-line error with a hint. */
	public Connection connect() {
		try {
			return this.dataSource.getConnection();
		}
		catch (SQLException ex) {
			throw new MigrationsException(ErrorKind.CONNECTION,
					"Cannot connect to the database: " + SqlExecutionException.oneLine(ex.getMessage(), 300),
					"Check that the database is running and that the URL, user and password are right", ex);
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

	/** For each applied revision, the checksum recorded when it was applied; none when there is no history yet. */
	Map<String, String> readChecksums(Connection connection) throws SQLException {
		return historyTable(dialect(connection)).appliedChecksums(connection);
	}

	/** Creates the schema, the version table and the history table where missing. */
	void ensureTables(Connection connection) throws SQLException {
		Dialect dialect = dialect(connection);
		versionTable(dialect).createIfMissing(connection);
		historyTable(dialect).createIfMissing(connection);
		if (!connection.getAutoCommit()) {
			connection.commit();
		}
	}

	/** Runs the work while holding the migration lock, waiting up to the configured lock timeout. */
	public <T> T withLock(Callable<T> work) {
		return dialect().lock(this.config.schema(), this.config.versionTable())
			.withLock(this.dataSource, this.config.lockTimeout(), work);
	}

	/** Work on one connection that may throw {@link SQLException}. */
	@FunctionalInterface
	public interface ConnectionWork<T> {

		T run(Connection connection) throws SQLException;

	}

	/** Runs the work on a connection of its own, closed afterwards. */
	public <T> T read(ConnectionWork<T> work) {
		try (Connection connection = connect()) {
			return work.run(connection);
		}
		catch (SQLException ex) {
			throw failure("read the migration state", ex);
		}
	}

	static MigrationsException failure(String what, SQLException ex) {
		return new MigrationsException(ErrorKind.STATE,
				"Could not " + what + ": " + SqlExecutionException.oneLine(ex.getMessage(), 300),
				"Check the database user's rights on the version and history tables (and the schema)", ex);
	}

}
