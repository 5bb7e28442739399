package dev.migrations.cli.command;

import java.nio.file.Path;
import java.util.List;

import dev.migrations.cli.CommandContext;
import dev.migrations.cli.DatabaseUse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code merge REV... -m MSG}: writes a merge script revising the given revisions ({@code heads}: all heads). */
@Command(name = "merge", description = "Write a revision that merges two or more revisions into one.",
		footerHeading = "%nExample:%n", footer = "  migrations merge heads -m \"merge migration heads\"")
public final class MergeCommand implements Runnable {

	private final CommandContext context;

	@Parameters(arity = "1..*", paramLabel = "REV", description = "Revisions to merge, or heads for every head")
	private List<String> revisions;

	@Option(names = { "-m", "--message" }, paramLabel = "MSG", description = "The merge revision's message")
	private String message;

	@Option(names = "--rev-id", paramLabel = "ID", description = "The revision id (default: 12 random hex digits)")
	private String revisionId;

	public MergeCommand(CommandContext context) {
		this.context = context;
	}

	@Override
	public void run() {
		Path written = this.context.migrations(DatabaseUse.NONE)
			.merge(this.revisions, this.message, this.revisionId, null);
		this.context.renderer().generated(written);
	}

}
