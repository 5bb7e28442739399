package dev.migrations.test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import dev.migrations.dialect.Dialects;
import dev.migrations.sql.SqlSplitter;
import dev.migrations.sql.SqlStatement;

/**
 * Data work at a revision: rows seeded after its upgrade (before the next revision runs), or a check of the data
 * after it.
 *
 * @param revision the revision id or unique prefix, as the test wrote it
 * @param seed {@code true} to seed, {@code false} to check
 * @param callback the work, on a connection that is committed afterwards
 */
record DataAtRevision(String revision, boolean seed, ConnectionCallback callback) {

	/** Seeds rows with SQL statements, split as revision scripts are. */
	static DataAtRevision seedSql(String revision, String sql) {
		return new DataAtRevision(revision, true, (connection) -> executeAll(connection, sql));
	}

	private static void executeAll(Connection connection, String sql) throws SQLException {
		SqlSplitter splitter = SqlSplitter.of(Dialects.detect(connection).syntax());
		try (Statement statement = connection.createStatement()) {
			for (SqlStatement each : splitter.split(sql, 1)) {
				statement.execute(each.sql());
			}
		}
	}

	/** Runs the work and commits; a failure names the revision and its file, and whether it seeded or checked. */
	void run(Connection connection, String describedRevision) {
		try {
			connection.setAutoCommit(false);
			this.callback.accept(connection);
			connection.commit();
		}
		catch (AssertionError ex) {
			throw new AssertionError("Data after upgrade of " + describedRevision + " (assertAt): " + ex.getMessage(),
					ex);
		}
		catch (Exception ex) {
			String what = this.seed ? "seedAt " : "assertAt ";
			throw new AssertionError(what + describedRevision + " failed: " + Failures.describe(ex), ex);
		}
	}

}
