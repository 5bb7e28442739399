package dev.migrations.boot.autoconfigure;

import java.util.List;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.lint.Finding;
import dev.migrations.lint.LintReport;
import dev.migrations.lint.Severity;

/**
 * Start-up with {@code migrations.lint=fail} found statements unsafe on a live database in the revisions it was about
 * to run, and ran none of them. The message names the first error; {@link #errors()} lists them all, for the failure
 * analysis.
 */
final class StartupLintException extends MigrationsException {

	private final transient List<Finding> errors;

	StartupLintException(LintReport report) {
		super(ErrorKind.SCRIPT, message(report),
				"Make the statements safe (docs/lint.md gives the safe way for each rule), or silence a reviewed one "
						+ "with '-- lint: ignore <rule-id> <reason>' on the line before it");
		this.errors = errorsOf(report);
	}

	private static String message(LintReport report) {
		List<Finding> errors = errorsOf(report);
		return "Lint found " + errors.size() + " error(s) in the revisions to run, so none ran: "
				+ errors.get(0).describe() + ((errors.size() > 1) ? " (and " + (errors.size() - 1) + " more)" : "");
	}

	private static List<Finding> errorsOf(LintReport report) {
		return report.findings().stream().filter((finding) -> finding.severity() == Severity.ERROR).toList();
	}

	/** Every error-level finding, as {@code lint} prints it: {@code <file>:<line>: error <rule-id>: <message>}. */
	List<String> errors() {
		return this.errors.stream().map(Finding::describe).toList();
	}

}
