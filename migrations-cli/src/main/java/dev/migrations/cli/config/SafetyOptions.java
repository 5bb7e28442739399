package dev.migrations.cli.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.migrations.config.RunSafety;
import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;

/**
 * The options of a run on a live database as the command line gives them, each {@code null} when not given; the
 * project's {@code migrations.*} properties of the same names fill the rest.
 *
 * @param statementLockTimeout {@code --statement-lock-timeout}, e.g. {@code 500ms}, {@code 5s} or a number of seconds
 * @param statementTimeout {@code --statement-timeout}
 * @param lockRetries {@code --lock-retries}
 * @param reconnect {@code --reconnect} or {@code --no-reconnect}
 */
public record SafetyOptions(String statementLockTimeout, String statementTimeout, String lockRetries,
		Boolean reconnect) {

	/** The settings for a command run in {@code directory}: these options, else the project's properties. */
	public RunSafety resolve(Map<String, String> environment, Path directory) {
		ProjectProperties project = ProjectProperties.load(directory, environment);
		RunSafety defaults = RunSafety.DEFAULTS;
		return new RunSafety(
				duration(this.statementLockTimeout, "statement-lock-timeout", project)
					.orElse(defaults.statementLockTimeout()),
				duration(this.statementTimeout, "statement-timeout", project).orElse(defaults.statementTimeout()),
				lockRetries(project).orElse(defaults.lockRetries()),
				(this.reconnect != null) ? this.reconnect
						: project.get("migrations.reconnect").map((value) -> bool(value, "migrations.reconnect"))
							.orElse(defaults.reconnect()));
	}

	/** A flag's number without a unit is seconds; a property's, milliseconds, as Spring binds a {@code Duration}. */
	private static Optional<Duration> duration(String option, String name, ProjectProperties project) {
		if (option != null) {
			return Optional.of(Settings.duration(option, ChronoUnit.SECONDS, "--" + name));
		}
		return project.get("migrations." + name)
			.map((value) -> Settings.duration(value, ChronoUnit.MILLIS, "migrations." + name));
	}

	private Optional<Integer> lockRetries(ProjectProperties project) {
		if (this.lockRetries != null) {
			return Optional.of(count(this.lockRetries, "--lock-retries"));
		}
		return project.get("migrations.lock-retries").map((value) -> count(value, "migrations.lock-retries"));
	}

	private static int count(String value, String setting) {
		try {
			int count = Integer.parseInt(value.trim());
			if (count >= 0) {
				return count;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new MigrationsException(ErrorKind.CONFIG, "Invalid " + setting + " '" + value + "'",
				"Give how many times a revision that timed out on a lock is tried again: 0 or more, such as 10");
	}

	private static boolean bool(String value, String setting) {
		return switch (value.trim().toLowerCase(Locale.ROOT)) {
			case "true" -> true;
			case "false" -> false;
			default -> throw new MigrationsException(ErrorKind.CONFIG,
					"Invalid " + setting + " '" + value + "' in the project configuration", "Use true or false");
		};
	}

}
