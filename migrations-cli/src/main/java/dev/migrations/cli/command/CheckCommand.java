package dev.migrations.cli.command;

import dev.migrations.cli.DatabaseUse;
import dev.migrations.cli.JsonViews;
import dev.migrations.cli.MigrationsCommand;
import dev.migrations.cli.Output;
import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.report.CheckReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code check}: exit 0 only if the scripts form a valid graph, the database is at every head and every applied
 * script is unchanged; else says why and exits 1. For CI and deployment gates.
 */
@Command(name = "check", description = "Check that the database is at head with unchanged scripts (exit 1 if not).",
		footerHeading = "%nExample:%n", footer = "  migrations check && echo 'database is up to date'")
public final class CheckCommand implements Runnable {

	@ParentCommand
	private MigrationsCommand root;

	@Override
	public void run() {
		CheckReport report = this.root.migrations(DatabaseUse.REQUIRED).check();
		Output output = this.root.output();
		if (output.json()) {
			output.document(JsonViews.check(report));
		}
		else if (report.ok()) {
			output.line(report.current().isEmpty() ? "Database is up to date: there are no revisions."
					: "Database is up to date at " + String.join(", ", report.current()) + ".");
		}
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
