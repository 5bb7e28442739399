package dev.migrations.dialect;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * H2 has no advisory locks, so runs take a row lock instead: the one row of a lock table
 * ({@code <version table>_lock}, next to the version table, created on first use) is selected
 * {@code FOR UPDATE} in a transaction that stays open while the work runs, and rolled back to release it.
 * H2 waits for the row itself, up to the time left.
 */
final class H2RowLock extends ConnectionLock {

	/** H2's error code for a lock wait that ran out of time. */
	private static final int LOCK_TIMEOUT = 50200;

	/** H2's error code for a primary key that is already there: another first run added the row. */
	private static final int DUPLICATE_KEY = 23505;

	private final H2Dialect dialect;

	private final String schema;

	private final String lockTable;

	H2RowLock(H2Dialect dialect, String schema, String versionTable) {
		this.dialect = dialect;
		this.schema = schema;
		this.lockTable = versionTable + "_lock";
	}

	@Override
	String prepare(Connection connection) throws SQLException {
		connection.setAutoCommit(true);
		try (Statement statement = connection.createStatement()) {
			if (this.schema != null && !this.dialect.schemaExists(connection, this.schema)) {
				statement.execute(this.dialect.createSchema(this.schema));
			}
			// Concurrent first runs may all create the table, then add its one row unless it is there (without
			// touching, and so waiting for, a held row). CREATE TABLE ... AS SELECT raced: a late creator
			// replaced the table under an earlier holder's lock.
			String table = this.dialect.qualify(this.schema, this.lockTable);
			statement.execute("CREATE TABLE IF NOT EXISTS " + table + " (id INT PRIMARY KEY)");
			try {
				statement.execute("INSERT INTO " + table + " (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM " + table + ")");
			}
			catch (SQLException ex) {
				if (ex.getErrorCode() != DUPLICATE_KEY) {
					throw ex;
				}
			}
		}
		connection.setAutoCommit(false);
		return lockName(this.dialect, connection, this.schema, this.lockTable);
	}

	@Override
	boolean tryAcquire(Connection connection, String name, Duration wait) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.executeQuery("SELECT id FROM " + this.dialect.qualify(this.schema, this.lockTable)
					+ " FOR UPDATE WAIT " + BigDecimal.valueOf(wait.toMillis(), 3).toPlainString())
				.close();
			return true;
		}
		catch (SQLException ex) {
			if (ex.getErrorCode() == LOCK_TIMEOUT) {
				return false;
			}
			throw ex;
		}
	}

	@Override
	void release(Connection connection, String name) throws SQLException {
		connection.rollback();
	}

}
