package dev.migrations.cli;

import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Optional;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.execute.MaskedUrl;
import dev.migrations.settings.DatabaseUrl;
import dev.migrations.settings.MigrationsSettings;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failed command into exit code 1 and two lines on stderr: {@code FAILED: <cause>} and {@code Hint: <what to
 * do>}, as the engine's {@link MigrationsException} states them; a database that can't be reached is named by host
 * and port. The stack trace follows only with {@code --debug}. With {@code --json}, standard output gets the same
 * failure as one document (unless the command printed its own, as {@code check} does), so that scripts reading it
 * get an answer too.
 */
final class FailureHandler implements IExecutionExceptionHandler {

	static final int EXIT_FAILURE = 1;

	private final CommandContext context;

	FailureHandler(CommandContext context) {
		this.context = context;
	}

	@Override
	public int handleExecutionException(Exception failure, CommandLine commandLine, ParseResult parseResult) {
		PrintWriter err = commandLine.getErr();
		MigrationsException reported = unreachableDatabase(failure).orElseGet(() -> describe(failure));
		err.println("FAILED: " + Output.oneLine(MaskedUrl.of(reported.getMessage())));
		if (reported.hint() != null && !reported.hint().isBlank()) {
			err.println("Hint: " + Output.oneLine(MaskedUrl.of(reported.hint())));
		}
		this.context.renderer().failed(reported);
		if (this.context.debug()) {
			failure.printStackTrace(err);
		}
		err.flush();
		return EXIT_FAILURE;
	}

	private MigrationsException describe(Exception failure) {
		if (failure instanceof MigrationsException migrationsException) {
			return migrationsException;
		}
		Throwable cause = (failure.getMessage() == null && failure.getCause() != null) ? failure.getCause() : failure;
		String message = (cause.getMessage() != null) ? cause.getMessage() : "";
		return new MigrationsException(ErrorKind.STATE, cause.getClass().getSimpleName() + ": " + message,
				"This is unexpected; run again with --debug for the stack trace", failure);
	}

	/** A connection that failed because nothing answered: one line naming host and port. */
	private Optional<MigrationsException> unreachableDatabase(Throwable failure) {
		Optional<DatabaseUrl> database = this.context.resolvedSettings()
			.map(MigrationsSettings::database)
			.filter(DatabaseUrl::isServer);
		if (database.isEmpty()) {
			return Optional.empty();
		}
		String reason = null;
		for (Throwable cause = failure; cause != null && reason == null; cause = cause.getCause()) {
			reason = networkReason(cause);
		}
		if (reason == null) {
			return Optional.empty();
		}
		String server = database.get().hostAndPort();
		String source = this.context.resolvedSettings()
			.map(MigrationsSettings::databaseSource)
			.orElse("--url (or MIGRATIONS_URL / DATABASE_URL)");
		return Optional.of(new MigrationsException(ErrorKind.CONNECTION,
				"Can't connect to the database at " + server + ": " + reason,
				"Check that the database is running and accepts connections on " + server
						+ ", or give the right URL in " + source,
				failure));
	}

	private static String networkReason(Throwable cause) {
		if (cause instanceof ConnectException) {
			return "connection refused";
		}
		if (cause instanceof SocketTimeoutException) {
			return "no answer (timed out)";
		}
		if (cause instanceof UnknownHostException) {
			return "unknown host";
		}
		if (cause instanceof NoRouteToHostException) {
			return "no route to host";
		}
		if (cause instanceof SQLException sql && "08001".equals(sql.getSQLState()) && sql.getCause() == null) {
			return "connection failed";
		}
		return null;
	}

}
