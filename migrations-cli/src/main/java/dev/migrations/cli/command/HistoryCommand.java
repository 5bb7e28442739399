package dev.migrations.cli.command;

import java.util.List;

import dev.migrations.cli.DatabaseUse;
import dev.migrations.cli.JsonViews;
import dev.migrations.cli.MigrationsCommand;
import dev.migrations.cli.Output;
import dev.migrations.cli.VerboseText;
import dev.migrations.report.AlembicText;
import dev.migrations.report.RevisionView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code history [-r RANGE] [-v] [-i]}: the revisions, newest first. */
@Command(name = "history", description = "List the revisions, newest first.",
		footerHeading = "%nExamples:%n", footer = { "  migrations history --verbose", "  migrations history -r -2:current -i" })
public final class HistoryCommand implements Runnable {

	@ParentCommand
	private MigrationsCommand root;

	@Option(names = { "-r", "--rev-range" }, paramLabel = "RANGE",
			description = "Range FROM:TO, either side optional (base:head, -2:, current:, :3f2a)")
	private String range;

	@Option(names = { "-v", "--verbose" }, description = "Show each revision in full")
	private boolean verbose;

	@Option(names = { "-i", "--indicate-current" }, description = "Mark the database's current revisions")
	private boolean indicateCurrent;

	@Override
	public void run() {
		boolean readsDatabase = this.indicateCurrent || (this.range != null && this.range.contains("current"));
		List<RevisionView> history = this.root.migrations(readsDatabase ? DatabaseUse.REQUIRED : DatabaseUse.NONE)
			.history(this.range, this.indicateCurrent);
		Output output = this.root.output();
		if (output.json()) {
			output.document(JsonViews.revisions("history", history));
		}
		else {
			output.lines(this.verbose ? VerboseText.blocks(history) : AlembicText.history(history));
		}
	}

}
