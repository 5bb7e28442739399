package dev.migrations.cli.command;

import java.util.List;

import dev.migrations.cli.DatabaseUse;
import dev.migrations.cli.JsonViews;
import dev.migrations.cli.MigrationsCommand;
import dev.migrations.cli.Output;
import dev.migrations.cli.VerboseText;
import dev.migrations.report.RevisionView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code show REV}: one revision in full, with its script's path and checksum. */
@Command(name = "show", description = "Show a revision in full.",
		footerHeading = "%nExamples:%n", footer = { "  migrations show head", "  migrations show 3f2a" })
public final class ShowCommand implements Runnable {

	@ParentCommand
	private MigrationsCommand root;

	@Parameters(paramLabel = "REV", description = "The revision: an id or prefix, head, <label>@head, current...")
	private String revision;

	@Override
	public void run() {
		DatabaseUse use = this.revision.equals("current") ? DatabaseUse.REQUIRED : DatabaseUse.NONE;
		List<RevisionView> revisions = this.root.migrations(use).show(this.revision);
		Output output = this.root.output();
		if (output.json()) {
			output.document(JsonViews.revisions("revisions", revisions));
		}
		else {
			output.lines(VerboseText.blocks(revisions));
		}
	}

}
