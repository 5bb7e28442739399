package dev.migrations.boot.autoconfigure;

import java.util.List;

import dev.migrations.Migrations;
import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.execute.RunResult;
import dev.migrations.lint.LintOptions;
import dev.migrations.lint.LintReport;
import dev.migrations.report.CheckReport;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/** The bodies of the built-in {@link MigrationsStartupStrategy start-up strategies}. */
final class StartupActions {

	private static final Log logger = LogFactory.getLog(MigrationsStartupStrategy.class);

	private StartupActions() {
	}

	static RunResult upgrade(Migrations migrations, String target, MigrationsProperties.Lint lint) {
		long started = System.nanoTime();
		warnWithoutScripts(migrations);
		lintPending(migrations, lint);
		RunResult result = migrations.upgrade(target);
		if (result.steps().isEmpty()) {
			logger.info("Database is up to date at " + revisions(result.after()) + ": nothing to do (checked in "
					+ millisSince(started) + " ms)");
		}
		else {
			logger.info("Upgraded database from " + revisions(result.before()) + " to " + revisions(result.after())
					+ " (" + result.steps().size() + " step(s) in " + millisSince(started) + " ms)");
		}
		return result;
	}

	static void validate(Migrations migrations, String target) {
		long started = System.nanoTime();
		warnWithoutScripts(migrations);
		CheckReport report = migrations.check(target);
		if (report.ok()) {
			logger.info("Database is at target '" + target + "' (" + revisions(report.current()) + "; checked in "
					+ millisSince(started) + " ms)");
			return;
		}
		String hint = report.checksumMismatches().isEmpty()
				? "Upgrade the database ('migrations upgrade " + target + "') or set migrations.on-startup=upgrade"
				: "Restore the applied scripts as they were, or set migrations.validate-checksums=false to accept them";
		throw new MigrationsException(report.checksumMismatches().isEmpty() ? ErrorKind.STATE : ErrorKind.CHECKSUM,
				String.join("; ", report.problems()), hint);
	}

	/**
	 * Leaves the database alone ({@code migrations.on-startup=none}), but says so when it is short of the target:
	 * an application that starts on a database missing revisions otherwise fails later, on a missing table. Reads
	 * only; a database it cannot read is left for the application to meet.
	 */
	static void reportPending(Migrations migrations, String target) {
		try {
			List<String> pending = migrations.check(target).pending();
			if (!pending.isEmpty()) {
				logger.warn("Database has " + pending.size() + " pending revision(s) up to '" + target + "' ("
						+ String.join(", ", pending) + ") and migrations.on-startup=none leaves them unapplied "
						+ "(set migrations.on-startup=upgrade to apply them on start-up)");
			}
		}
		catch (RuntimeException ex) {
			logger.debug("Could not read the database's state: " + ex.getMessage());
		}
	}

	/**
	 * Lints the revisions not applied yet ({@code migrations.lint}): logs each finding and, with {@code fail}, stops
	 * on an error-level one before any revision runs.
	 */
	private static void lintPending(Migrations migrations, MigrationsProperties.Lint lint) {
		if (lint == MigrationsProperties.Lint.OFF) {
			return;
		}
		LintReport report = migrations.lint(null, LintOptions.defaults());
		if (report.findings().isEmpty()) {
			return;
		}
		report.findings().forEach((finding) -> logger.warn("Lint: " + finding.describe()));
		if (lint == MigrationsProperties.Lint.FAIL && report.hasErrors()) {
			throw new StartupLintException(report);
		}
		logger.warn(report.summary() + " Upgrading anyway (migrations.lint=warn; set migrations.lint=fail to stop "
				+ "on an error)");
	}

	/** No scripts at all is an application whose scripts are not where it looks, more often than not. */
	private static void warnWithoutScripts(Migrations migrations) {
		if (migrations.scripts().scripts().isEmpty()) {
			logger.warn("No revision scripts found in " + String.join(", ", migrations.config().locations())
					+ ": there is nothing to migrate (set migrations.locations to where the scripts are)");
		}
	}

	private static long millisSince(long started) {
		return (System.nanoTime() - started) / 1_000_000;
	}

	private static String revisions(List<String> revisions) {
		return revisions.isEmpty() ? "base" : String.join(", ", revisions);
	}

}
