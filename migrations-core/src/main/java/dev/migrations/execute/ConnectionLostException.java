package dev.migrations.execute;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.graph.MigrationStep;
import dev.migrations.state.HistoryEntry;

/**
 * The connection a run worked on was lost (a server restart, a failover, a network cut), with what that means for
 * the revision in flight, in one line: nothing of a transactional one was committed, so the run may go on from
 * where the database is; a non-transactional one may have run in part, so the run must stop until someone checks.
 * It also carries the history row that records the lost try, written once a connection is back.
 */
public final class ConnectionLostException extends MigrationsException {

	private final boolean resumable;

	private final transient HistoryEntry lostTry;

	private ConnectionLostException(String message, String hint, boolean resumable, HistoryEntry lostTry,
			SQLException cause) {
		super(ErrorKind.CONNECTION, message, hint, cause);
		this.resumable = resumable;
		this.lostTry = lostTry;
	}

	/** Whether the failure is the connection's, lost or broken, rather than the statement's. */
	static boolean isLoss(Throwable failure) {
		return sqlCause(failure).flatMap(SqlErrorClass::of).filter((kind) -> kind == SqlErrorClass.CONNECTION)
			.isPresent();
	}

	/** The first {@link SQLException} in the failure's causes, the failure included. */
	static Optional<SQLException> sqlCause(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql) {
				return Optional.of(sql);
			}
		}
		return Optional.empty();
	}

	/** Lost while no revision ran: reading the state, or between steps. */
	static ConnectionLostException betweenSteps(SQLException cause) {
		return new ConnectionLostException(
				"Lost the connection to the database: " + serverWords(cause) + "; no revision was running",
				"Run the command again once the database is reachable: it goes on from the last revision committed",
				true, null, cause);
	}

	/**
	 * Lost while a revision ran.
	 * @param step the step in flight
	 * @param place the revision's script, with the line of the statement in flight where one was
	 * @param transaction how the revision ran: in a transaction of its own, in the run's single one, or in none
	 * @param ranOutside for a revision outside a transaction, what of it had run and what may have
	 * ({@code the statement at f:7 may have run}); {@code null} in a transaction
	 * @param committing whether the connection was lost while committing, which leaves the outcome to the database
	 * @param checksum the revision's checksum, for the history row
	 * @param executionMs how long the try ran
	 */
	static ConnectionLostException duringStep(MigrationStep step, String place, Transaction transaction,
			String ranOutside, boolean committing, String checksum, long executionMs, SQLException cause) {
		String revision = step.revision().id();
		String lost = "Lost the connection to the database during " + step.describe().substring("Running ".length())
				+ " (" + place + "): " + serverWords(cause) + "; ";
		Instant now = Instant.now();
		if (transaction == Transaction.NONE) {
			return new ConnectionLostException(
					lost + "revision " + revision + " runs outside a transaction, so it is not run again: "
							+ ranOutside,
					"Check which of revision " + revision + "'s statements took effect; complete it by hand and run '"
							+ PartialFailures.stampCommand(step.to()) + "', or undo them and run 'migrations repair';"
							+ " then run the command again",
					false, HistoryEntry.leftPartial(step, checksum, now, executionMs,
							ranOutside + " (outside a transaction; the connection was lost)"),
					cause);
		}
		String outcome = committing
				? "whether revision " + revision + " was committed is for the database to say (its version rows)"
				: (transaction == Transaction.SINGLE) ? "nothing of this run was committed (transaction mode single)"
						: "nothing of revision " + revision + " was committed";
		return new ConnectionLostException(lost + outcome,
				"Run the command again once the database is reachable: it goes on from the last revision committed",
				true, HistoryEntry.of(step, checksum, now, executionMs, false), cause);
	}

	/** The database's (or the driver's) own message, on one line. */
	private static String serverWords(SQLException cause) {
		return SqlExecutionException.oneLine(SqlErrorClass.innermost(cause).getMessage(), 300);
	}

	/** This failure, adding that reconnecting failed for as long as the run tried. */
	ConnectionLostException reconnectFailed(Duration tried, String reason) {
		return new ConnectionLostException(getMessage() + "; could not reconnect within " + tried.toSeconds() + " s: "
				+ reason, hint(), false, this.lostTry, (SQLException) getCause());
	}

	/** Whether a new connection may go on from where the database is: nothing is left uncertain. */
	boolean resumable() {
		return this.resumable;
	}

	/** The history row of the lost try, to write once a connection is back; empty when no revision ran. */
	Optional<HistoryEntry> lostTry() {
		return Optional.ofNullable(this.lostTry);
	}

	/** How the revision in flight ran. */
	enum Transaction {

		/** In a transaction of its own. */
		REVISION,
		/** In the run's one transaction ({@code transaction-mode=single}). */
		SINGLE,
		/** Outside a transaction ({@code Transactional: false}). */
		NONE

	}

}
