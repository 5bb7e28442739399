package dev.migrations.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a start-up that failed on migrations as the engine's one-line cause and hint, the same two lines the
 * command line prints, instead of a stack trace; then, where the engine's hint speaks of commands, the properties
 * that do the same in the application.
 */
class MigrationsFailureAnalyzer extends AbstractFailureAnalyzer<MigrationsException> {

	private static final String START_WITHOUT_MIGRATING = "set migrations.on-startup=none to start without touching "
			+ "the database";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigrationsException cause) {
		if (cause instanceof StartupLintException lint) {
			return new FailureAnalysis(
					"Lint found statements unsafe on a live database in the revisions to run, so none ran:\n  "
							+ String.join("\n  ", lint.errors()),
					lint.hint() + "\nIn this application: set migrations.lint=warn to log the findings and upgrade "
							+ "anyway, or migrations.lint=off",
					cause);
		}
		String properties = inProperties(cause.kind());
		String action = (cause.hint() == null) ? "Correct the problem above, or " + START_WITHOUT_MIGRATING
				: (properties != null) ? cause.hint() + "\nIn this application: " + properties : cause.hint();
		return new FailureAnalysis(cause.getMessage(), action, cause);
	}

	/** The properties that answer a kind of failure; {@code null} where the engine's hint names them already. */
	private static @Nullable String inProperties(ErrorKind kind) {
		return switch (kind) {
			case MULTIPLE_HEADS -> "set migrations.target=heads to upgrade every branch, or "
					+ "migrations.target=<revision> for one of them";
			case REVISION_NOT_FOUND, TARGET -> "migrations.target names the revision to upgrade to; "
					+ START_WITHOUT_MIGRATING + " while you repair it";
			case LOCK -> "raise migrations.lock-wait to wait longer for another instance's run";
			case CONNECTION -> "check spring.datasource.url, username and password (migrations.url, migrations.user "
					+ "and migrations.password where set)";
			case SCRIPT, GRAPH, SQL, IRREVERSIBLE, STATE -> START_WITHOUT_MIGRATING + " while you fix it";
			case CHECKSUM, CONFIG, IO -> null;
		};
	}

}
