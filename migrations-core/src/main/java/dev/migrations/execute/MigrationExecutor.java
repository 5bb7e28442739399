package dev.migrations.execute;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.config.MigrationsConfig;
import dev.migrations.config.TransactionMode;
import dev.migrations.dialect.Dialect;
import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
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
 * <p>
 * Where a failure cannot be rolled back whole (a non-transactional revision; a statement that commits implicitly,
 * as DDL does on H2 and MariaDB, around which the executor commits itself so that the outcome is exact), the
 * failure names the statements that stay applied and its history row records them: no revision runs again until
 * the user fixes the database and says so ({@code repair} or {@code stamp}).
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
		if (plan.steps().stream().anyMatch(MigrationStep.class::isInstance)) {
			PartialFailures.refuseToRun(this.historyTable.summary(connection), this.scripts);
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
				try {
					runStep(connection, step, single);
				}
				catch (SQLException | RuntimeException ex) {
					this.config.listener().stepFailed(step, ex);
					throw ex;
				}
				this.config.listener().afterStep(step);
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
			runBody(connection, migration, script, body, transactional);
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
			recordFailure(connection, migration, script, started,
					(ex instanceof SqlExecutionException failure) ? failure.leftApplied() : null);
			throw ex;
		}
	}

	private void runBody(Connection connection, MigrationStep step, RevisionScript script, MigrationBody body,
			boolean transactional) throws SQLException {
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
		runStatements(connection, step, script, statements, transactional);
	}

	/**
	 * Runs the statements in order, keeping the lines of those that stay applied whatever fails later: each one
	 * outside a transaction; in a transaction, a statement that commits implicitly and all before it, committed
	 * explicitly before and after it so that the database's own implicit commit leaves nothing uncertain.
	 */
	private void runStatements(Connection connection, MigrationStep step, RevisionScript script,
			List<SqlStatement> statements, boolean transactional) throws SQLException {
		List<Integer> stayApplied = new ArrayList<>();
		List<Integer> inTransaction = new ArrayList<>();
		try (Statement jdbc = connection.createStatement()) {
			for (SqlStatement statement : statements) {
				boolean commits = transactional && this.dialect.commitsImplicitly(statement.sql());
				if (commits) {
					connection.commit();
					stayApplied.addAll(inTransaction);
					inTransaction.clear();
				}
				try {
					jdbc.execute(statement.sql());
				}
				catch (SQLException ex) {
					LeftApplied left = new LeftApplied(script.location(), stayApplied, statement.line(),
							transactional ? this.dialect.name() + " commits DDL at once"
									: "the revision runs outside a transaction");
					throw new SqlExecutionException(script.location(), statement.line(), statement.sql(),
							ex.getMessage(), left,
							left.any() ? PartialFailures.hint(left, step.to()) : hint(script, statement, transactional, ex),
							ex);
				}
				if (commits) {
					connection.commit();
				}
				if (transactional && !commits) {
					inTransaction.add(statement.line());
				}
				else {
					stayApplied.add(statement.line());
				}
			}
		}
	}

	private String hint(RevisionScript script, SqlStatement statement, boolean transactional, SQLException failure) {
		if (transactional && this.dialect.requiresNoTransaction(statement.sql())) {
			return "This statement cannot run inside a transaction: add '-- Transactional: false' to the header of "
					+ script.location();
		}
		String fix = SqlErrorClass.of(failure)
			.map(SqlErrorClass::hint)
			.orElse("Fix the statement in " + script.location() + (transactional ? " and run the command again" : ""));
		return transactional ? fix + "; this revision was rolled back"
				: fix + "; it was the first statement of a revision run outside a transaction, so nothing before it ran";
	}

	private Bookkeeping bookkeeping(PlanStep step, List<HistoryEntry> history) {
		return Bookkeeping.of(step, history, this.versionTable, this.historyTable);
	}

	private void recordFailure(Connection connection, MigrationStep step, RevisionScript script, long started,
			LeftApplied left) {
		try {
			if (!connection.getAutoCommit()) {
				connection.rollback();
			}
			connection.setAutoCommit(true);
			this.historyTable.append(connection, (left != null)
					? HistoryEntry.leftPartial(step, script.checksum(), Instant.now(), elapsed(started),
							left.partialState())
					: HistoryEntry.of(step, script.checksum(), Instant.now(), elapsed(started), false));
		}
		catch (SQLException ex) {
			// A user without the right to write the history lacked it for the revision too, which the failure says.
			if (SqlErrorClass.of(ex).filter(SqlErrorClass::isMissingRight).isPresent()) {
				logger.debug("Could not record the failure of {} in the history table: {}", step.describe(),
						ex.getMessage());
			}
			else {
				logger.warn("Could not record the failure of {} in the history table: {}", step.describe(),
						ex.getMessage());
			}
		}
		catch (RuntimeException ex) {
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
