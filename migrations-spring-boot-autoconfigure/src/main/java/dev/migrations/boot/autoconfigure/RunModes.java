package dev.migrations.boot.autoconfigure;

import java.io.PrintStream;

import dev.migrations.Migrations;
import dev.migrations.error.MigrationsException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The start-up strategy run as {@code migrations.mode} says: as it is ({@code startup}); then ending the process
 * ({@code job}); or on a thread of its own ({@code async}, while {@link RunModeEnvironment} keeps readiness out of
 * service through the {@code migrations} health, which the probe tells that the upgrade is running).
 */
final class RunModes {

	private static final Log logger = LogFactory.getLog(RunModes.class);

	private RunModes() {
	}

	static MigrationsStartupStrategy apply(MigrationsProperties.Mode mode, MigrationsStartupStrategy strategy,
			MigrationsStatusProbe probe) {
		return switch (mode) {
			case STARTUP -> strategy;
			case JOB -> (migrations) -> System.exit(runAsJob(strategy, migrations, System.out, System.err));
			case ASYNC -> (migrations) -> {
				probe.upgrading(true);
				Thread upgrade = new Thread(() -> {
					try {
						strategy.migrate(migrations);
					}
					catch (RuntimeException ex) {
						logger.error("The asynchronous migration failed, readiness stays out of service: "
								+ oneLine(ex.getMessage()), ex);
					}
					finally {
						probe.upgrading(false);
					}
				}, "migrations-async");
				upgrade.setDaemon(true);
				upgrade.start();
			};
		};
	}

	/**
	 * As {@link #apply}, for a set that runs before the job's last one (an instance before the default set): in a
	 * job, its failure ends the process as the last set's does (exit 1, the cause on one line), and its success lets
	 * the next set run.
	 */
	static MigrationsStartupStrategy applyBeforeLast(MigrationsProperties.Mode mode, MigrationsStartupStrategy strategy,
			MigrationsStatusProbe probe) {
		if (mode != MigrationsProperties.Mode.JOB) {
			return apply(mode, strategy, probe);
		}
		return (migrations) -> {
			int status = runJobStep(strategy, migrations, System.err);
			if (status != 0) {
				System.exit(status);
			}
		};
	}

	/**
	 * Runs the strategy as a job: the exit status, and one line saying how it ended ({@code FAILED: <cause>} and
	 * {@code Hint: <what to do>} on {@code err}, as the command line prints them).
	 */
	static int runAsJob(MigrationsStartupStrategy strategy, Migrations migrations, PrintStream out,
			PrintStream err) {
		int status = runJobStep(strategy, migrations, err);
		if (status == 0) {
			out.println("Migrations job done: the database is at its target; exiting");
		}
		out.flush();
		return status;
	}

	/** Runs one set's strategy in a job: 0, or 1 with the cause and its hint on {@code err}. */
	private static int runJobStep(MigrationsStartupStrategy strategy, Migrations migrations, PrintStream err) {
		try {
			strategy.migrate(migrations);
			return 0;
		}
		catch (RuntimeException ex) {
			err.println("FAILED: " + oneLine(ex.getMessage()));
			if (ex instanceof MigrationsException migrationsException && migrationsException.hint() != null) {
				err.println("Hint: " + oneLine(migrationsException.hint()));
			}
			return 1;
		}
		finally {
			err.flush();
		}
	}

	private static String oneLine(String text) {
		return (text != null) ? text.strip().replaceAll("\\s*\\R\\s*", " ") : "";
	}

}
