package dev.migrations.execute;

import java.util.function.Supplier;

import dev.migrations.config.MigrationListener;

/** A command that changes the database, run with its listener told that it starts and how it ended. */
public final class ListenedRun {

	private ListenedRun() {
	}

	/**
	 * Runs the command between {@link MigrationListener#runStarting} and {@link MigrationListener#runEnded}.
	 * @param command {@code upgrade}, {@code downgrade} or {@code stamp}
	 * @return what the command did
	 */
	public static RunResult run(MigrationListener listener, String command, Supplier<RunResult> run) {
		listener.runStarting(command);
		RunResult result;
		try {
			result = run.get();
		}
		catch (RuntimeException | Error ex) {
			listener.runEnded(command, 0, ex);
			throw ex;
		}
		listener.runEnded(command, result.steps().size(), null);
		return result;
	}

}
