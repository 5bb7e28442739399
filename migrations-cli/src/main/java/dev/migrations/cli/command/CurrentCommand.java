package dev.migrations.cli.command;

import java.util.List;

import dev.migrations.Migrations;
import dev.migrations.cli.DatabaseUse;
import dev.migrations.cli.JsonViews;
import dev.migrations.cli.MigrationsCommand;
import dev.migrations.cli.Output;
import dev.migrations.cli.VerboseText;
import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.report.AlembicText;
import dev.migrations.report.RevisionView;
import dev.migrations.report.StatusReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code current [-v] [--check-heads]}: the database's current revisions, one line each. */
@Command(name = "current", description = "Display the current revision(s) of the database.",
		footerHeading = "%nExamples:%n", footer = { "  migrations current", "  migrations current --check-heads   # exit 1 unless at head" })
public final class CurrentCommand implements Runnable {

	@ParentCommand
	private MigrationsCommand root;

	@Option(names = { "-v", "--verbose" }, description = "Show each revision in full")
	private boolean verbose;

	@Option(names = "--check-heads", description = "Fail unless the database is on all head revisions")
	private boolean checkHeads;

	@Override
	public void run() {
		Migrations migrations = this.root.migrations(DatabaseUse.REQUIRED);
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
		Output output = this.root.output();
		if (output.json()) {
			output.document(JsonViews.current(current));
		}
		else if (this.verbose) {
			output.line("Current revision(s) for " + this.root.settings().database() + ":");
			output.lines(VerboseText.blocks(current));
		}
		else {
			output.lines(AlembicText.current(current));
		}
	}

	private static String ids(List<String> ids) {
		return ids.isEmpty() ? "(none)" : String.join(", ", ids);
	}

}
