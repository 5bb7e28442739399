package dev.migrations.dialect;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A named user lock ({@code GET_LOCK}/{@code RELEASE_LOCK}), held by the lock's session. Lock names are
 * server-wide, so the name includes the database: {@code database.table}, or its SHA-256 in hex when longer
 * than the 64 characters a lock name may have.
 */
final class MariaDbNamedLock extends ConnectionLock {

	private static final Logger logger = LoggerFactory.getLogger(MariaDbNamedLock.class);

	private static final int LONGEST_NAME = 64;

	private final Dialect dialect;

	private final String schema;

	private final String versionTable;

	MariaDbNamedLock(Dialect dialect, String schema, String versionTable) {
		this.dialect = dialect;
		this.schema = schema;
		this.versionTable = versionTable;
	}

	@Override
	String prepare(Connection connection) throws SQLException {
		connection.setAutoCommit(true);
		return lockName(this.dialect, connection, this.schema, this.versionTable);
	}

	@Override
	boolean tryAcquire(Connection connection, String name, Duration wait) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
			statement.setString(1, key(name));
			statement.setBigDecimal(2, BigDecimal.valueOf(wait.toMillis(), 3));
			return returnsOne(statement);
		}
	}

	@Override
	void release(Connection connection, String name) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
			statement.setString(1, key(name));
			if (!returnsOne(statement)) {
				logger.warn("The migration lock '{}' was not held when it was released", name);
			}
		}
	}

	private static boolean returnsOne(PreparedStatement statement) throws SQLException {
		try (ResultSet result = statement.executeQuery()) {
			result.next();
			return result.getInt(1) == 1;
		}
	}

	static String key(String name) {
		return (name.length() <= LONGEST_NAME) ? name : HexFormat.of().formatHex(sha256(name));
	}

}
