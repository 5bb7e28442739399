package dev.migrations.cli.command;

import dev.migrations.cli.CommandContext;
import dev.migrations.cli.DatabaseUse;
import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.report.CheckReport;
import picocli.CommandLine.Command;

/**
 * {@code check}: exit 0 only if the scripts form a valid graph, the database is at every head and every applied
 * script is unchanged; else says why and exits 1. For CI and deployment gates.
 */
@Command(name = "check", description = "Check that the database is at head with unchanged scripts (exit 1 if not).",
		footerHeading = "%nExample:%n", footer = "  migrations check && echo 'database is up to date'")
public final class CheckCommand implements Runnable {

	private final CommandContext context;

	public CheckCommand(CommandContext context) {
		this.context = context;
	}

	@Override
	public void run() {
		CheckReport report = this.context.migrations(DatabaseUse.REQUIRED).check();
		this.context.renderer().check(report);
		if (!report.ok()) {
			throw new MigrationsException(report.checksumMismatches().isEmpty() ? ErrorKind.STATE : ErrorKind.CHECKSUM,
					String.join("; ", report.problems()), hint(report));
		}
	}

	private static String hint(CheckReport report) {
		if (report.checksumMismatches().isEmpty()) {
			return "Run 'migrations upgrade heads' to apply the pending revisions";
		}
		return CheckReport.CHECKSUM_HINT;
	}

}
