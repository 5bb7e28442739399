package dev.migrations.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/** Runs the statements that change a session's settings, for the dialects' timeouts. */
final class SessionSettings {

	private SessionSettings() {
	}

	static void execute(Connection connection, List<String> statements) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	/** Milliseconds, at most {@link Integer#MAX_VALUE}: the largest timeout the databases take. */
	static long millis(Duration duration) {
		return Math.min(duration.toMillis(), Integer.MAX_VALUE);
	}

}
