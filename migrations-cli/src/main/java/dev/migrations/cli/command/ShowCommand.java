package dev.migrations.cli.command;

import java.util.List;

import dev.migrations.cli.CommandContext;
import dev.migrations.cli.DatabaseUse;
import dev.migrations.report.RevisionView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code show REV}: one revision in full, with its script's path and checksum. */
@Command(name = "show", description = "Show a revision in full.",
		footerHeading = "%nExamples:%n", footer = { "  migrations show head", "  migrations show 3f2a" })
public final class ShowCommand implements Runnable {

	private final CommandContext context;

	@Parameters(paramLabel = "REV", description = "The revision: an id or prefix, head, <label>@head, current...")
	private String revision;

	public ShowCommand(CommandContext context) {
		this.context = context;
	}

	@Override
	public void run() {
		DatabaseUse use = this.revision.equals("current") ? DatabaseUse.REQUIRED : DatabaseUse.NONE;
		List<RevisionView> revisions = this.context.migrations(use).show(this.revision);
		this.context.renderer().show(revisions);
	}

}
