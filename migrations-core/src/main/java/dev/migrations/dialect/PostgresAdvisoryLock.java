package dev.migrations.dialect;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session-level advisory lock ({@code pg_try_advisory_lock}), polled until the deadline. Its key is the
 * first 64 bits of the SHA-256 of {@code schema.table}: stable across versions and JVMs, so that every
 * release of the tool keeps runs on one database apart.
 */
final class PostgresAdvisoryLock extends ConnectionLock {

	private static final Logger logger = LoggerFactory.getLogger(PostgresAdvisoryLock.class);

	private final Dialect dialect;

	private final String schema;

	private final String versionTable;

	PostgresAdvisoryLock(Dialect dialect, String schema, String versionTable) {
		this.dialect = dialect;
		this.schema = schema;
		this.versionTable = versionTable;
	}

	@Override
	String prepare(Connection connection) throws SQLException {
		// A session lock outlives transactions; autocommit keeps the lock's session from idling in one.
		connection.setAutoCommit(true);
		return lockName(this.dialect, connection, this.schema, this.versionTable);
	}

	@Override
	boolean tryAcquire(Connection connection, String name, Duration wait) throws SQLException {
		return call(connection, "SELECT pg_try_advisory_lock(?)", name);
	}

	@Override
	void release(Connection connection, String name) throws SQLException {
		if (!call(connection, "SELECT pg_advisory_unlock(?)", name)) {
			logger.warn("The migration lock '{}' was not held when it was released", name);
		}
	}

	/** The session holding the advisory lock: a bigint key shows in pg_locks as classid (high) and objid (low). */
	@Override
	String holder(Connection connection, String name) throws SQLException {
		long key = key(name);
		try (PreparedStatement statement = connection.prepareStatement("SELECT a.pid, a.application_name, "
				+ "a.client_addr::text, a.backend_start FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
				+ "WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 AND l.database = "
				+ "(SELECT oid FROM pg_database WHERE datname = current_database()) "
				+ "AND l.classid::bigint = ? AND l.objid::bigint = ?")) {
			statement.setLong(1, key >>> 32);
			statement.setLong(2, key & 0xFFFFFFFFL);
			try (ResultSet result = statement.executeQuery()) {
				if (!result.next()) {
					return null;
				}
				String application = result.getString(2);
				String client = result.getString(3);
				return "PostgreSQL session " + result.getInt(1)
						+ ((application != null && !application.isEmpty()) ? " '" + application + "'" : "")
						+ ((client != null) ? " from " + client : "") + ", connected since "
						+ result.getTimestamp(4).toInstant();
			}
		}
	}

	private static boolean call(Connection connection, String sql, String name) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, key(name));
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getBoolean(1);
			}
		}
	}

	static long key(String name) {
		return ByteBuffer.wrap(sha256(name)).getLong();
	}

}
