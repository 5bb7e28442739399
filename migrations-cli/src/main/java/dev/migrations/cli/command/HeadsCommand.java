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

/** {@code heads [-v] [--resolve-dependencies]}: the scripts' head revisions, in load order. */
@Command(name = "heads", description = "Show the head revisions of the scripts.",
		footerHeading = "%nExample:%n", footer = "  migrations heads")
public final class HeadsCommand implements Runnable {

	@ParentCommand
	private MigrationsCommand root;

	@Option(names = { "-v", "--verbose" }, description = "Show each revision in full")
	private boolean verbose;

	@Option(names = "--resolve-dependencies", description = "Leave out heads that another revision depends on")
	private boolean resolveDependencies;

	@Override
	public void run() {
		List<RevisionView> heads = this.root.migrations(DatabaseUse.NONE).heads(this.resolveDependencies);
		Output output = this.root.output();
		if (output.json()) {
			output.document(JsonViews.revisions("heads", heads));
		}
		else {
			output.lines(this.verbose ? VerboseText.blocks(heads) : AlembicText.heads(heads));
		}
	}

}
