package dev.migrations.execute;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.config.MigrationsConfig;
import dev.migrations.dialect.Dialect;
import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.graph.Plan;
import dev.migrations.graph.PlanStep;
import dev.migrations.graph.Planner;
import dev.migrations.graph.RevisionNotFoundException;
import dev.migrations.graph.Target;
import dev.migrations.report.CheckReport;
import dev.migrations.script.RevisionScript;
import dev.migrations.state.HistoryEntry;
import dev.migrations.state.HistorySummary;
import dev.migrations.state.HistoryTable;

/**
 * The commands that change the database, each a short recipe: read the state, and if there is work, take the
 * lock, read the state again, check it, plan, create the tables where missing, run. The no-op path (already at the
 * target) takes no lock and costs two queries (three when a configured schema must exist).
 */
public final class MigrationRunner {

	private static final Logger logger = LoggerFactory.getLogger(MigrationRunner.class);

	/** How long a run whose connection was lost tries to reconnect. */
	private static final Duration RECONNECT_FOR = Duration.ofSeconds(30);

	/** How many lost connections a run survives: a connection that keeps dropping is a fault to report. */
	private static final int MOST_RECONNECTS = 10;

	private final LoadedScripts scripts;

	private final MigrationsConfig config;

	private final Database database;

	public MigrationRunner(LoadedScripts scripts, MigrationsConfig config, Database database) {
		this.scripts = scripts;
		this.config = config;
		this.database = database;
	}

	public Database database() {
		return this.database;
	}

	/** The version rows, checked to name known revisions. */
	public List<String> knownRows() {
		return requireKnown(this.database.readRows());
	}

	/** Upgrades to the target; already there, it only reads the rows and the checksums, on one connection. */
	public RunResult upgrade(Target target) {
		RunResult atTarget = atTarget(target);
		return (atTarget != null) ? atTarget
				: locked((planner, current) -> planner.upgrade(current, target), false, true);
	}

	/**
	 * The no-op upgrade: at the target already, the empty run, after the checks an upgrade makes (no failure left
	 * partly applied, checksums matching); {@code null} when there is work to do. Takes no lock.
	 */
	public RunResult atTarget(Target target) {
		return this.database.read((connection) -> {
			List<String> rows = this.database.readRows(connection);
			if (!isKnown(rows) || !planner().upgrade(rows, target).isEmpty()) {
				return null;
			}
			HistorySummary history = this.database.readHistory(connection);
			PartialFailures.refuseToRun(history, this.scripts);
			validateChecksums(rows, history.appliedChecksums());
			return new RunResult(rows, List.of(), rows);
		});
	}

	public RunResult downgrade(Target target) {
		return locked((planner, current) -> {
			Plan plan = planner.downgrade(current, target);
			this.scripts.requireReversible(plan);
			return plan;
		}, false, true);
	}

	public RunResult stamp(List<Target> targets, boolean purge) {
		return locked((planner, current) -> planner.stamp(purge ? List.of() : current, targets), purge, false);
	}

	/**
	 * Records that the user fixed what failed revisions left partly applied (undid their statements' changes, or
	 * completed them), so that revisions run again. Writes one {@code repair} history row per failure.
	 * @return the failures it resolved, oldest first; none when nothing was left partly applied
	 */
	public List<HistoryEntry> repair() {
		return this.database.withLock(() -> {
			try (Connection connection = this.database.connect()) {
				this.database.ensureTables(connection);
				List<HistoryEntry> failures = this.database.readHistory(connection).leftPartial();
				List<String> rows = this.database.readRows(connection);
				HistoryTable history = this.database.historyTable(this.database.dialect(connection));
				for (HistoryEntry failure : failures) {
					history.append(connection, HistoryEntry.repair(failure, rows, Instant.now()));
				}
				if (!connection.getAutoCommit()) {
					connection.commit();
				}
				return failures;
			}
			catch (SQLException ex) {
				throw Database.failure("repair the history", ex);
			}
		});
	}

	/** What the plan against the rows is, shaped by the caller. */
	private interface PlanMaker {

		Plan plan(Planner planner, List<String> rows);

	}

	/**
	 * Runs the plan under the lock. A lost connection (a server restart, a failover, a network cut) is recorded in
	 * the history once a connection is back; with {@code reconnect} on and nothing left uncertain, the run takes the
	 * lock again, reads the version rows again and goes on from where the database is.
	 * @param validateChecksums whether a changed applied script fails the command: for every command that runs
	 * scripts ({@code upgrade}, {@code downgrade}); {@code stamp} runs none
	 */
	private RunResult locked(PlanMaker maker, boolean purge, boolean validateChecksums) {
		Progress progress = new Progress();
		for (int losses = 1;; losses++) {
			try {
				return this.database.withLock(() -> runLocked(maker, purge, validateChecksums, progress));
			}
			catch (ConnectionLostException lost) {
				boolean reconnect = this.config.safety().reconnect() && losses <= MOST_RECONNECTS;
				if (reconnect) {
					this.database.awaitConnection(RECONNECT_FOR, lost);
				}
				recordLostTry(lost);
				if (!reconnect || !lost.resumable()) {
					throw lost;
				}
				logger.warn("{}; reconnected, taking the lock again to go on from where the database is",
						lost.getMessage());
			}
		}
	}

	private RunResult runLocked(PlanMaker maker, boolean purge, boolean validateChecksums, Progress progress) {
		try (Connection connection = this.database.connect()) {
			List<String> rows = this.database.readRows(connection);
			if (progress.before == null) {
				progress.before = rows;
			}
			if (!purge) {
				requireKnown(rows);
			}
			if (validateChecksums) {
				validateChecksums(rows, this.database.readChecksums(connection));
			}
			Plan plan = maker.plan(planner(), rows);
			// Only a command that passed every check creates the tables: a refused one leaves nothing behind.
			this.database.ensureTables(connection);
			executor(connection).run(connection, plan, purge, progress.done);
			return new RunResult(progress.before, List.copyOf(progress.done), plan.headsAfter());
		}
		catch (SQLException ex) {
			if (ConnectionLostException.isLoss(ex)) {
				throw ConnectionLostException.betweenSteps(ex);
			}
			throw Database.failure("run the migration", ex);
		}
	}

	/** Writes the history row of the try the lost connection cut short, if a connection can be had for it. */
	private void recordLostTry(ConnectionLostException lost) {
		lost.lostTry().ifPresent((entry) -> {
			try (Connection connection = this.database.connect()) {
				this.database.historyTable(this.database.dialect(connection)).append(connection, entry);
			}
			catch (SQLException | RuntimeException ex) {
				logger.debug("Could not record the lost try of {} in the history: {}", entry.revision(),
						ex.getMessage());
			}
		});
	}

	/** What a run did across its connections: the rows it started from, and the steps committed. */
	private static final class Progress {

		private List<String> before;

		private final List<PlanStep> done = new ArrayList<>();

	}

	private MigrationExecutor executor(Connection connection) throws SQLException {
		Dialect dialect = this.database.dialect(connection);
		return new MigrationExecutor(this.scripts, this.config, dialect, this.database.versionTable(dialect),
				this.database.historyTable(dialect));
	}

	/** The applied revisions whose script changed since they were applied (none when validation is off). */
	public List<String> checksumMismatches(List<String> rows, Map<String, String> recorded) {
		if (!this.config.validateChecksums()) {
			return List.of();
		}
		Predicate<String> applied = this.scripts.queries().isApplied(rows);
		List<String> mismatches = new ArrayList<>();
		for (RevisionScript script : this.scripts.scripts()) {
			String checksum = recorded.get(script.id());
			if (checksum != null && script.checksum() != null && !checksum.equals(script.checksum())
					&& applied.test(script.id())) {
				mismatches.add(script.id());
			}
		}
		return mismatches;
	}

	/**
	 * The version rows (checked to name known revisions) and the recorded checksums, read on one connection; fails
	 * while a failed revision is left partly applied.
	 */
	public RecordedState recordedState() {
		return this.database.read((connection) -> {
			List<String> rows = requireKnown(this.database.readRows(connection));
			HistorySummary history = this.database.readHistory(connection);
			PartialFailures.refuseToRun(history, this.scripts);
			return new RecordedState(rows, history.appliedChecksums());
		});
	}

	/**
	 * What the database says of itself.
	 *
	 * @param rows the version rows
	 * @param checksums for each applied revision, the checksum recorded when it was applied
	 */
	public record RecordedState(List<String> rows, Map<String, String> checksums) {
	}

	private void validateChecksums(List<String> rows, Map<String, String> applied) {
		List<String> mismatches = checksumMismatches(rows, applied);
		if (!mismatches.isEmpty()) {
			List<String> described = mismatches.stream()
				.map((id) -> id + " (" + this.scripts.script(id).location() + ")")
				.toList();
			throw new MigrationsException(ErrorKind.CHECKSUM,
					"Checksum mismatch: applied revision(s) changed since they were applied: "
							+ String.join(", ", described),
					CheckReport.CHECKSUM_HINT);
		}
	}

	private boolean isKnown(List<String> rows) {
		return this.scripts.queries().unknownRow(rows).isEmpty();
	}

	/** Fails with Alembic's "Can't locate revision" when a row names no script. */
	public List<String> requireKnown(List<String> rows) {
		this.scripts.queries().unknownRow(rows).ifPresent((unknown) -> {
			throw new RevisionNotFoundException(unknown,
					"the database's version table names it, but no script defines it",
					"Restore the script of " + unknown + ", or set the database's revision with 'migrations stamp --purge <revision>'");
		});
		return rows;
	}

	private Planner planner() {
		return this.scripts.planner();
	}

	/** Renders the SQL of a plan for a dialect, without a connection. */
	public static String render(LoadedScripts scripts, MigrationsConfig config, Dialect dialect, Plan plan) {
		Database database = new Database(null, config);
		OfflineSqlWriter writer = new OfflineSqlWriter(scripts, dialect, database.versionTable(dialect),
				database.historyTable(dialect));
		return writer.render(plan, plan.headsBefore().isEmpty());
	}

}
