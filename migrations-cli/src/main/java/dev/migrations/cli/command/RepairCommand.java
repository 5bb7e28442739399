package dev.migrations.cli.command;

import java.util.List;

import dev.migrations.cli.DatabaseUse;
import dev.migrations.cli.JsonViews;
import dev.migrations.cli.MigrationsCommand;
import dev.migrations.cli.Output;
import dev.migrations.state.HistoryEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code repair}: records that the user fixed what a failed revision left partly applied (statements that ran and
 * were not rolled back), so that revisions run again; as Flyway's {@code repair} after a failed migration.
 */
@Command(name = "repair",
		description = "Record that you undid (or completed) what a failed revision left applied, so that revisions run again.",
		footerHeading = "%nExample:%n",
		footer = { "  migrations repair && migrations upgrade head   # after undoing the statements the failure named" })
public final class RepairCommand implements Runnable {

	@ParentCommand
	private MigrationsCommand root;

	@Override
	public void run() {
		List<HistoryEntry> repaired = this.root.migrations(DatabaseUse.REQUIRED).repair();
		Output output = this.root.output();
		if (output.json()) {
			output.document(JsonViews.repaired(repaired));
		}
		else if (repaired.isEmpty()) {
			output.line("Nothing to repair: no failed revision is left partly applied.");
		}
		else {
			repaired.forEach((failure) -> output.line("Repaired revision " + failure.revision() + ": its failed "
					+ failure.operation().value() + " is marked resolved (" + failure.partialState() + ")"));
		}
	}

}
