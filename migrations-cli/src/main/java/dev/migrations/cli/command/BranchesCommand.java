package dev.migrations.cli.command;

import java.util.List;

import dev.migrations.Migrations;
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

/** {@code branches [-v]}: every branch point with the revisions it branches into. */
@Command(name = "branches", description = "Show the branch points of the scripts.",
		footerHeading = "%nExample:%n", footer = "  migrations branches")
public final class BranchesCommand implements Runnable {

	@ParentCommand
	private MigrationsCommand root;

	@Option(names = { "-v", "--verbose" }, description = "Show each branch point in full")
	private boolean verbose;

	@Override
	public void run() {
		Migrations migrations = this.root.migrations(DatabaseUse.NONE);
		List<RevisionView> branchPoints = migrations.branches();
		Output output = this.root.output();
		if (output.json()) {
			output.document(JsonViews.revisions("branches", branchPoints));
		}
		else if (this.verbose) {
			for (RevisionView point : branchPoints) {
				output.lines(VerboseText.blocks(List.of(point)));
				output.lines(AlembicText.branchChildren(point, (id) -> migrations.show(id).get(0), true));
				output.line("");
			}
		}
		else {
			output.lines(AlembicText.branches(branchPoints, (id) -> migrations.show(id).get(0)));
		}
	}

}
