package dev.migrations.boot.autoconfigure;

import dev.migrations.MigrationsException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a start-up that failed on migrations as the engine's one-line cause and hint, the same two lines the
 * command line prints, instead of a stack trace.
 */
class MigrationsFailureAnalyzer extends AbstractFailureAnalyzer<MigrationsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigrationsException cause) {
		String action = (cause.hint() != null) ? cause.hint()
				: "Correct the problem above, or set migrations.on-startup=none to start without touching the database";
		return new FailureAnalysis(cause.getMessage(), action, cause);
	}

}
