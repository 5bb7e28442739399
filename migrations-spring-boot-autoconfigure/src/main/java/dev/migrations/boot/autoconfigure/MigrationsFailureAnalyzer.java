package dev.migrations.boot.autoconfigure;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.settings.MigrationInstanceKeys;
import dev.migrations.settings.MigrationInstances;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a start-up that failed on migrations as the engine's one-line cause and hint, the same two lines the
 * command line prints, instead of a stack trace; then, where the engine's hint speaks of commands, the properties
 * that do the same in the application: the failed instance's ({@code migrations.instances.<name>.lock-wait}) when a
 * named migration set failed, else the default set's ({@code migrations.lock-wait}).
 */
class MigrationsFailureAnalyzer extends AbstractFailureAnalyzer<MigrationsException> {

	private static final String DEFAULT_SET = "migrations.";

	/** A key of the default set as an engine's hint names it: {@code migrations.validate-checksums}. */
	private static final Pattern DEFAULT_SET_KEY = Pattern.compile("\\bmigrations\\.([a-z][a-z-]*)");

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigrationsException cause) {
		String keys = (cause instanceof InstanceFailureException instance)
				? MigrationInstances.prefix(instance.instance()) : DEFAULT_SET;
		String hint = (cause.hint() != null) ? ownKeys(cause.hint(), keys) : null;
		StartupLintException lint = lintOf(cause);
		if (lint != null) {
			String named = (cause instanceof InstanceFailureException instance)
					? "Migration instance '" + instance.instance() + "': " : "";
			return new FailureAnalysis(named
					+ "Lint found statements unsafe on a live database in the revisions to run, so none ran:\n  "
					+ String.join("\n  ", lint.errors()),
					hint + "\nIn this application: set " + keys + "lint=warn to log the findings and upgrade anyway, "
							+ "or " + keys + "lint=off",
					cause);
		}
		String properties = inProperties(cause.kind(), keys);
		String action = (hint == null) ? "Correct the problem above, or " + startWithoutMigrating(keys)
				: (properties != null) ? hint + "\nIn this application: " + properties : hint;
		return new FailureAnalysis(cause.getMessage(), action, cause);
	}

	/** The lint failure of the default set, or of an instance under its name; {@code null} for any other failure. */
	private static @Nullable StartupLintException lintOf(MigrationsException cause) {
		Throwable failure = (cause instanceof InstanceFailureException) ? cause.getCause() : cause;
		return (failure instanceof StartupLintException lint) ? lint : null;
	}

	/**
	 * The engine's hint with the keys it names under {@code migrations.} read as the failed set's: an instance's
	 * {@code migrations.validate-checksums} is {@code migrations.instances.<name>.validate-checksums}.
	 */
	private static String ownKeys(String hint, String keys) {
		if (DEFAULT_SET.equals(keys)) {
			return hint;
		}
		return DEFAULT_SET_KEY.matcher(hint)
			.replaceAll((key) -> Matcher.quoteReplacement(
					MigrationInstanceKeys.takes(key.group(1)) ? keys + key.group(1) : key.group()));
	}

	/**
	 * The properties under {@code keys} ({@code migrations.} or an instance's prefix) that answer a kind of failure;
	 * {@code null} where the engine's hint names them already.
	 */
	private static @Nullable String inProperties(ErrorKind kind, String keys) {
		return switch (kind) {
			case MULTIPLE_HEADS -> "set " + keys + "target=heads to upgrade every branch, or " + keys
					+ "target=<revision> for one of them";
			case REVISION_NOT_FOUND, TARGET -> keys + "target names the revision to upgrade to; "
					+ startWithoutMigrating(keys) + " while you repair it";
			case LOCK -> "raise " + keys + "lock-wait to wait longer for another instance's run";
			case CONNECTION -> DEFAULT_SET.equals(keys)
					? "check spring.datasource.url, username and password (migrations.url, migrations.user and "
							+ "migrations.password where set)"
					: "check " + keys + "url, user and password, or the DataSource bean its data-source names "
							+ "(spring.datasource.url, username and password where it sets neither)";
			case SCRIPT, GRAPH, SQL, IRREVERSIBLE, STATE -> startWithoutMigrating(keys) + " while you fix it";
			case CHECKSUM, CONFIG, IO -> null;
		};
	}

	private static String startWithoutMigrating(String keys) {
		return "set " + keys + "on-startup=none to start without touching the database";
	}

}
