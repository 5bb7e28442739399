package dev.migrations.cli.command;

import java.util.List;

import dev.migrations.cli.CommandContext;
import dev.migrations.cli.DatabaseUse;
import dev.migrations.report.RevisionView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code heads [-v] [--resolve-dependencies]}: the scripts' head revisions, in load order. */
@Command(name = "heads", description = "Show the head revisions of the scripts.",
		footerHeading = "%nExample:%n", footer = "  migrations heads")
public final class HeadsCommand implements Runnable {

	private final CommandContext context;

	@Option(names = { "-v", "--verbose" }, description = "Show each revision in full")
	private boolean verbose;

	@Option(names = "--resolve-dependencies", description = "Leave out heads that another revision depends on")
	private boolean resolveDependencies;

	public HeadsCommand(CommandContext context) {
		this.context = context;
	}

	@Override
	public void run() {
		List<RevisionView> heads = this.context.migrations(DatabaseUse.NONE).heads(this.resolveDependencies);
		this.context.renderer().heads(heads, this.verbose);
	}

}
