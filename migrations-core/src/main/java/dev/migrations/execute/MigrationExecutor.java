package dev.migrations.execute;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.config.MigrationsConfig;
import dev.migrations.config.TransactionMode;
import dev.migrations.dialect.Dialect;
import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.execute.ConnectionLostException.Transaction;
import dev.migrations.graph.Direction;
import dev.migrations.graph.MigrationStep;
import dev.migrations.graph.Plan;
import dev.migrations.graph.PlanStep;
import dev.migrations.graph.StampStep;
import dev.migrations.script.MigrationBody;
import dev.migrations.script.RevisionScript;
import dev.migrations.script.Timeouts;
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

	/** The pause before the second try of a revision that timed out on a lock; each further one doubles. */
	private static final long FIRST_RETRY_PAUSE_MILLIS = 200;

	private static final long LONGEST_RETRY_PAUSE_MILLIS = 10_000;

	private final LoadedScripts scripts;

	private final MigrationsConfig config;

	private final Dialect dialect;

	private final VersionTable versionTable;

	private final HistoryTable historyTable;

	private final SqlSplitter splitter;

	/** The run's timeouts, which a script's headers override. */
	private final Timeouts timeouts;

	MigrationExecutor(LoadedScripts scripts, MigrationsConfig config, Dialect dialect, VersionTable versionTable,
			HistoryTable historyTable) {
		this.scripts = scripts;
		this.config = config;
		this.dialect = dialect;
		this.versionTable = versionTable;
		this.historyTable = historyTable;
		this.splitter = SqlSplitter.of(dialect.syntax());
		this.timeouts = new Timeouts(config.safety().statementLockTimeout(), config.safety().statementTimeout());
	}

	/**
	 * Runs the plan; {@code purge} first deletes every version row (in the first step's transaction).
	 * @param committed the list to add each step to once it is committed, so that a run whose connection is lost
	 * knows what it did
	 */
	void run(Connection connection, Plan plan, boolean purge, List<PlanStep> committed) throws SQLException {
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
				(single ? done : committed).add(step);
			}
			connection.commit();
			committed.addAll(done);
		}
		finally {
			restoreAutoCommit(connection);
		}
	}

	/** Back to autocommit, unless the connection is lost: the failure that says so must not be hidden. */
	private static void restoreAutoCommit(Connection connection) throws SQLException {
		try {
			connection.setAutoCommit(true);
		}
		catch (SQLException ex) {
			if (!ConnectionLostException.isLoss(ex)) {
				throw ex;
			}
		}
	}

	private void runStep(Connection connection, PlanStep step, boolean single) throws SQLException {
		this.config.listener().beforeStep(step);
		logger.info(step.describe());
		if (step instanceof StampStep stamp) {
			long started = System.nanoTime();
			bookkeeping(step, HistoryEntry.of(stamp, Instant.now(), elapsed(started))).execute(connection);
			if (!single) {
				connection.commit();
			}
			return;
		}
		MigrationStep migration = (MigrationStep) step;
		RevisionScript script = this.scripts.script(migration.revision().id());
		// Only a revision that rolls back whole on its own may run again: not in the run's single transaction.
		int tries = 1 + ((script.transactional() && !single) ? this.config.safety().lockRetries() : 0);
		for (int attempt = 1;; attempt++) {
			try {
				runMigration(connection, migration, script, single, attempt, tries);
				return;
			}
			catch (SqlExecutionException ex) {
				if (attempt == tries || ex.leftApplied() != null || !isLockTimeout(ex)) {
					throw ex;
				}
				long pause = retryPause(attempt);
				logger.warn("{} timed out waiting for a lock (try {} of {}); trying again in {} ms",
						migration.describe().substring("Running ".length()), attempt, tries, pause);
				pause(pause);
			}
		}
	}

	/** Runs one try of a revision; a failure is recorded in the history, or, for a lost connection, carried. */
	private void runMigration(Connection connection, MigrationStep migration, RevisionScript script, boolean single,
			int attempt, int tries) throws SQLException {
		long started = System.nanoTime();
		MigrationBody body = (migration.direction() == Direction.UP) ? script.upgrade() : script.downgrade();
		boolean transactional = script.transactional() || single;
		Transaction transaction = single ? Transaction.SINGLE
				: script.transactional() ? Transaction.REVISION : Transaction.NONE;
		Timeouts timeouts = script.timeouts().or(this.timeouts);
		boolean bodyDone = false;
		boolean committing = false;
		try {
			// A failed try went back to autocommit to record its failure.
			connection.setAutoCommit(!transactional);
			List<String> resets = timeouts.any()
					? this.dialect.setTimeouts(connection, timeouts, transaction == Transaction.REVISION) : List.of();
			try {
				runBody(connection, migration, script, body, transactional,
						lockTimeoutNote(timeouts, attempt, tries));
			}
			catch (SQLException | RuntimeException ex) {
				resetQuietly(connection, resets);
				throw ex;
			}
			bodyDone = true;
			resetTimeouts(connection, resets);
			if (!transactional) {
				connection.setAutoCommit(false);
			}
			bookkeeping(migration,
					List.of(HistoryEntry.of(migration, script.checksum(), Instant.now(), elapsed(started), true)))
				.execute(connection);
			committing = true;
			if (!single) {
				connection.commit();
			}
			logIfLong(migration, started);
		}
		catch (SQLException | RuntimeException ex) {
			if (ConnectionLostException.isLoss(ex)) {
				String place = (ex instanceof SqlExecutionException statement && statement.line() > 0)
						? statement.file() + ":" + statement.line() : script.location();
				throw ConnectionLostException.duringStep(migration, place, transaction,
						(transaction == Transaction.NONE) ? ranOutside(ex, bodyDone) : null, committing,
						script.checksum(), elapsed(started), ConnectionLostException.sqlCause(ex).orElseThrow());
			}
			recordFailure(connection, migration, script, started,
					(ex instanceof SqlExecutionException failure) ? failure.leftApplied() : null);
			throw ex;
		}
	}

	/**
	 * What a revision outside a transaction had run when its connection was lost: the statements before the one in
	 * flight, which may have run; once its statements were done, all of them.
	 */
	private static String ranOutside(Exception failure, boolean bodyDone) {
		if (bodyDone) {
			return "its statements had run, but its version row was not recorded";
		}
		if (failure instanceof SqlExecutionException statement && statement.line() > 0) {
			String inFlight = "the statement at " + statement.file() + ":" + statement.line() + " may have run";
			LeftApplied left = statement.leftApplied();
			return (left != null) ? left.statements() + " had run, and " + inFlight : inFlight;
		}
		return "it may have run in part";
	}

	private static boolean isLockTimeout(Exception failure) {
		return ConnectionLostException.sqlCause(failure)
			.flatMap(SqlErrorClass::of)
			.filter((kind) -> kind == SqlErrorClass.LOCK_TIMEOUT)
			.isPresent();
	}

	/**
	 * What the message of a statement that timed out on a lock adds: {@code  (lock timeout 500 ms, try 3 of 3)};
	 * nothing when no lock timeout is set and the revision has one try.
	 */
	private static String lockTimeoutNote(Timeouts timeouts, int attempt, int tries) {
		List<String> notes = new ArrayList<>();
		if (timeouts.lock() != null) {
			notes.add("lock timeout " + timeouts.lock().toMillis() + " ms");
		}
		if (tries > 1) {
			notes.add("try " + attempt + " of " + tries);
		}
		return notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ")";
	}

	/** Exponential backoff with jitter: half of each pause is random, so that runs retrying together drift apart. */
	private static long retryPause(int attempt) {
		long ceiling = Math.min(LONGEST_RETRY_PAUSE_MILLIS, FIRST_RETRY_PAUSE_MILLIS << Math.min(attempt - 1, 16));
		return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MigrationsException(ErrorKind.LOCK, "Interrupted while waiting to try a revision again",
					"Run the command again", ex);
		}
	}

	private void resetTimeouts(Connection connection, List<String> resets) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (String reset : resets) {
				statement.execute(reset);
			}
		}
	}

	/** After a failure: a transaction that failed ends its settings itself, and a lost connection took them along. */
	private void resetQuietly(Connection connection, List<String> resets) {
		try {
			resetTimeouts(connection, resets);
		}
		catch (SQLException ex) {
			logger.debug("Could not reset the session's timeouts after a failed revision: {}", ex.getMessage());
		}
	}

	private void runBody(Connection connection, MigrationStep step, RevisionScript script, MigrationBody body,
			boolean transactional, String lockTimeoutNote) throws SQLException {
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
			statements = this.splitter.split(sql.sql(), sql.firstLine())
				.stream()
				.map((statement) -> statement.forTenant(this.config.tenant()))
				.toList();
		}
		catch (SqlSyntaxException ex) {
			throw new SqlExecutionException(script.location(), ex.line(), "", ex.getMessage(), ex.hint(), ex);
		}
		runStatements(connection, step, script, statements, transactional, lockTimeoutNote);
	}

	/**
	 * Runs the statements in order, keeping the lines of those that stay applied whatever fails later: each one
	 * outside a transaction; in a transaction, a statement that commits implicitly and all before it, committed
	 * explicitly before and after it so that the database's own implicit commit leaves nothing uncertain.
	 */
	private void runStatements(Connection connection, MigrationStep step, RevisionScript script,
			List<SqlStatement> statements, boolean transactional, String lockTimeoutNote) throws SQLException {
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
							ex.getMessage() + (isLockTimeout(ex) ? lockTimeoutNote : ""), left,
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
			.map((kind) -> (kind == SqlErrorClass.LOCK_TIMEOUT && transactional)
					? kind.hint() + " (--lock-retries, migrations.lock-retries, tries it again by itself)" : kind.hint())
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
