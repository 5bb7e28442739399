package dev.migrations.execute;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.graph.PlanStep;
import dev.migrations.state.HistoryEntry;
import dev.migrations.state.HistoryTable;
import dev.migrations.state.VersionTable;

/**
 * The engine's own statements for one step: the version-row changes that take the rows from the step's before to
 * its after (an update where one row replaces another, deletes and inserts for the rest), then its history rows.
 * Online they run as one JDBC batch, one round trip; offline they are printed.
 *
 * @param statements the SQL, version-row changes first
 * @param matchingOne how many leading statements (the updates and deletes) must each match exactly one row
 */
record Bookkeeping(List<String> statements, int matchingOne) {

	static Bookkeeping of(PlanStep step, List<HistoryEntry> history, VersionTable versions, HistoryTable histories) {
		List<String> removed = new ArrayList<>(step.headsBefore());
		removed.removeAll(step.headsAfter());
		List<String> added = new ArrayList<>(step.headsAfter());
		added.removeAll(step.headsBefore());
		int updates = Math.min(removed.size(), added.size());
		List<String> statements = new ArrayList<>();
		for (int i = 0; i < updates; i++) {
			statements.add(versions.updateSql(removed.get(i), added.get(i)));
		}
		removed.subList(updates, removed.size()).forEach((id) -> statements.add(versions.deleteSql(id)));
		added.subList(updates, added.size()).forEach((id) -> statements.add(versions.insertSql(id)));
		history.forEach((entry) -> statements.add(histories.appendSql(entry)));
		return new Bookkeeping(statements, removed.size());
	}

	/** Runs the statements as one batch; a version row that another process changed meanwhile fails the step. */
	void execute(Connection connection) throws SQLException {
		try (Statement batch = connection.createStatement()) {
			for (String statement : this.statements) {
				batch.addBatch(statement);
			}
			int[] counts = batch.executeBatch();
			for (int i = 0; i < this.matchingOne; i++) {
				if (counts[i] != 1 && counts[i] != Statement.SUCCESS_NO_INFO) {
					throw new MigrationsException(ErrorKind.STATE,
							"Expected one version row to change with [" + this.statements.get(i) + "], but " + counts[i]
									+ " rows matched",
							"Another process changed the version table meanwhile; check it with 'current' and set it "
									+ "with 'stamp' if needed");
				}
			}
		}
	}

}
