package dev.migrations.execute;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.ErrorKind;
import dev.migrations.MigrationsConfig;
import dev.migrations.MigrationsException;
import dev.migrations.TransactionMode;
import dev.migrations.dialect.Dialect;
import dev.migrations.graph.Direction;
import dev.migrations.graph.MigrationStep;
import dev.migrations.graph.Plan;
import dev.migrations.graph.PlanStep;
import dev.migrations.graph.StampStep;
import dev.migrations.script.MigrationBody;
import dev.migrations.script.RevisionScript;
import dev.migrations.sql.SqlSplitter;
import dev.migrations.sql.SqlStatement;
import dev.migrations.sql.SqlSyntaxException;
import dev.migrations.state.HistoryEntry;
import dev.migrations.state.HistoryTable;
import dev.migrations.state.VersionTable;

/**
 * Runs a plan on one connection. By default each revision runs with its version-row and history updates in one
 * transaction, so a failure leaves the database at the last revision that succeeded; mode {@code single} wraps
 * the whole run in one transaction. A non-transactional revision records its version only after it succeeded.
 * A failed step is recorded in the history, after the rollback, as a failed row.
 */
final class MigrationExecutor {

	private static final Logger logger = LoggerFactory.getLogger(MigrationExecutor.class);

	/** How long a step runs before its end is worth a line of its own. */
	private static final long LONG_STEP_MILLIS = 1_000;

	private final LoadedScripts scripts;

	private final MigrationsConfig config;

	private final Dialect dialect;

	private final VersionTable versionTable;

	private final HistoryTable historyTable;

	private final SqlSplitter splitter;

	MigrationExecutor(LoadedScripts scripts, MigrationsConfig config, Dialect dialect, VersionTable versionTable,
			HistoryTable historyTable) {
		this.scripts = scripts;
		this.config = config;
		this.dialect = dialect;
		this.versionTable = versionTable;
		this.historyTable = historyTable;
		this.splitter = SqlSplitter.of(dialect.syntax());
	}

	/**
	 * Runs the plan; {@code purge} first deletes every version row (in the first step's transaction).
	 * @return the steps that ran
	 */
	List<PlanStep> run(Connection connection, Plan plan, boolean purge) throws SQLException {
		boolean single = this.config.transactionMode() == TransactionMode.SINGLE;
		if (single) {
			checkSingleTransactionPossible(plan);
		}
		List<PlanStep> done = new ArrayList<>();
		connection.setAutoCommit(false);
		try {
			if (purge) {
				this.versionTable.deleteAll(connection);
				if (!single) {
					connection.commit();
				}
			}
			for (PlanStep step : plan.steps()) {
				runStep(connection, step, single);
				done.add(step);
			}
			connection.commit();
			return done;
		}
		finally {
			connection.setAutoCommit(true);
		}
	}

	private void runStep(Connection connection, PlanStep step, boolean single) throws SQLException {
		this.config.listener().beforeStep(step);
		logger.info(step.describe());
		long started = System.nanoTime();
		if (step instanceof StampStep stamp) {
			bookkeeping(step, HistoryEntry.of(stamp, Instant.now(), elapsed(started))).execute(connection);
			if (!single) {
				connection.commit();
			}
			return;
		}
		MigrationStep migration = (MigrationStep) step;
		RevisionScript script = this.scripts.script(migration.revision().id());
		MigrationBody body = (migration.direction() == Direction.UP) ? script.upgrade() : script.downgrade();
		boolean transactional = script.transactional() || single;
		if (!transactional) {
			connection.setAutoCommit(true);
		}
		try {
			runBody(connection, script, body, transactional);
			if (!transactional) {
				connection.setAutoCommit(false);
			}
			bookkeeping(step,
					List.of(HistoryEntry.of(migration, script.checksum(), Instant.now(), elapsed(started), true)))
				.execute(connection);
			if (!single) {
				connection.commit();
			}
			logIfLong(migration, started);
		}
		catch (SQLException | RuntimeException ex) {
			recordFailure(connection, migration, script, started);
			throw ex;
		}
	}

	private void runBody(Connection connection, RevisionScript script, MigrationBody body, boolean transactional)
			throws SQLException {
		if (body instanceof MigrationBody.Java java) {
			try {
				if (java.upgrade()) {
					java.migration().upgrade(connection);
				}
				else {
					java.migration().downgrade(connection);
				}
			}
			catch (SQLException ex) {
				throw new SqlExecutionException(script.location(), 0, script.location() + (java.upgrade() ? ".upgrade" : ".downgrade"),
						ex.getMessage(), "Fix the Java migration and run the command again", ex);
			}
			catch (Exception ex) {
				throw new MigrationsException(ErrorKind.SQL,
						"Java migration " + script.location() + " failed: " + ex, "Fix the Java migration and run the command again",
						ex);
			}
			return;
		}
		MigrationBody.Sql sql = (MigrationBody.Sql) body;
		List<SqlStatement> statements;
		try {
			statements = this.splitter.split(sql.sql(), sql.firstLine());
		}
		catch (SqlSyntaxException ex) {
			throw new SqlExecutionException(script.location(), ex.line(), "", ex.getMessage(), ex.hint(), ex);
		}
		try (Statement jdbc = connection.createStatement()) {
			for (SqlStatement statement : statements) {
				try {
					jdbc.execute(statement.sql());
				}
				catch (SQLException ex) {
					throw new SqlExecutionException(script.location(), statement.line(), statement.sql(),
							ex.getMessage(), hint(script, statement, transactional), ex);
				}
			}
		}
	}

	private String hint(RevisionScript script, SqlStatement statement, boolean transactional) {
		if (transactional && this.dialect.requiresNoTransaction(statement.sql())) {
			return "This statement cannot run inside a transaction: add '-- Transactional: false' to the header of "
					+ script.location();
		}
		return transactional ? "Fix the statement in " + script.location()
				+ " and run the command again; this revision was rolled back"
				: "Fix the statement in " + script.location()
						+ "; it ran outside a transaction, so undo what its earlier statements did before running again";
	}

	private Bookkeeping bookkeeping(PlanStep step, List<HistoryEntry> history) {
		return Bookkeeping.of(step, history, this.versionTable, this.historyTable);
	}

	private void recordFailure(Connection connection, MigrationStep step, RevisionScript script, long started) {
		try {
			if (!connection.getAutoCommit()) {
				connection.rollback();
			}
			connection.setAutoCommit(true);
			this.historyTable.append(connection,
					HistoryEntry.of(step, script.checksum(), Instant.now(), elapsed(started), false));
		}
		catch (SQLException | RuntimeException ex) {
			logger.warn("Could not record the failure of {} in the history table: {}", step.describe(), ex.getMessage());
		}
	}

	private void checkSingleTransactionPossible(Plan plan) {
		if (!this.dialect.supportsTransactionalDdl()) {
			throw new MigrationsException(ErrorKind.CONFIG,
					"Transaction mode 'single' needs transactional DDL, which " + this.dialect.name() + " does not have",
					"Use transaction mode 'per-revision' (the default) on " + this.dialect.name());
		}
		for (PlanStep step : plan.steps()) {
			if (step instanceof MigrationStep migration
					&& !this.scripts.script(migration.revision().id()).transactional()) {
				throw new MigrationsException(ErrorKind.CONFIG,
						"Revision " + migration.revision().id() + " (" + migration.revision().source()
								+ ") is not transactional and cannot run in transaction mode 'single'",
						"Use transaction mode 'per-revision' for runs that include non-transactional revisions");
			}
		}
	}

	/**
	 * A revision that ran a while logs its end too: a log that stops at its {@code Running upgrade} line then
	 * means it is still running, not that it hung or finished unnoticed.
	 */
	private static void logIfLong(MigrationStep step, long started) {
		long millis = elapsed(started);
		if (millis >= LONG_STEP_MILLIS) {
			logger.info("Finished {} in {} ms", step.describe().substring("Running ".length()), millis);
		}
	}

	private static long elapsed(long started) {
		return (System.nanoTime() - started) / 1_000_000;
	}

}
