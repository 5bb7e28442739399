package dev.migrations.cli.command;

import java.util.List;

import dev.migrations.Migrations;
import dev.migrations.cli.CommandContext;
import dev.migrations.cli.DatabaseUse;
import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.report.RevisionView;
import dev.migrations.report.StatusReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code current [-v] [--check-heads]}: the database's current revisions, one line each. */
@Command(name = "current", description = "Display the current revision(s) of the database.",
		footerHeading = "%nExamples:%n", footer = { "  migrations current", "  migrations current --check-heads   # exit 1 unless at head" })
public final class CurrentCommand implements Runnable {

	private final CommandContext context;

	@Option(names = { "-v", "--verbose" }, description = "Show each revision in full")
	private boolean verbose;

	@Option(names = "--check-heads", description = "Fail unless the database is on all head revisions")
	private boolean checkHeads;

	public CurrentCommand(CommandContext context) {
		this.context = context;
	}

	@Override
	public void run() {
		Migrations migrations = this.context.migrations(DatabaseUse.REQUIRED);
		List<RevisionView> current = migrations.current();
		if (this.checkHeads) {
			StatusReport status = migrations.status("heads");
			if (!status.upToDate()) {
				throw new MigrationsException(ErrorKind.STATE,
						"Database is not on all head revisions: current " + ids(status.current()) + ", heads "
								+ ids(status.heads()),
						"Run 'migrations upgrade heads' to apply the pending revisions");
			}
		}
		this.context.renderer().current(current, this.verbose, this.context.settings().database());
	}

	private static String ids(List<String> ids) {
		return ids.isEmpty() ? "(none)" : String.join(", ", ids);
	}

}
