package dev.migrations.cli.command;

import java.util.List;

import dev.migrations.Migrations;
import dev.migrations.cli.CommandContext;
import dev.migrations.cli.DatabaseUse;
import dev.migrations.report.RevisionView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code branches [-v]}: every branch point with the revisions it branches into. */
@Command(name = "branches", description = "Show the branch points of the scripts.",
		footerHeading = "%nExample:%n", footer = "  migrations branches")
public final class BranchesCommand implements Runnable {

	private final CommandContext context;

	@Option(names = { "-v", "--verbose" }, description = "Show each branch point in full")
	private boolean verbose;

	public BranchesCommand(CommandContext context) {
		this.context = context;
	}

	@Override
	public void run() {
		Migrations migrations = this.context.migrations(DatabaseUse.NONE);
		List<RevisionView> branchPoints = migrations.branches();
		this.context.renderer().branches(branchPoints, (id) -> migrations.show(id).get(0), this.verbose);
	}

}
