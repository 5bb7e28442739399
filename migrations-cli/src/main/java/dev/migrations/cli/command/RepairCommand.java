package dev.migrations.cli.command;

import java.util.List;

import dev.migrations.cli.CommandContext;
import dev.migrations.cli.DatabaseUse;
import dev.migrations.state.HistoryEntry;
import picocli.CommandLine.Command;

/**
 * {@code repair}: records that the user fixed what a failed revision left partly applied (statements that ran and
 * were not rolled back), so that revisions run again; as Flyway's {@code repair} after a failed migration.
 */
@Command(name = "repair",
		description = "Record that you undid (or completed) what a failed revision left applied, so that revisions run again.",
		footerHeading = "%nExample:%n",
		footer = { "  migrations repair && migrations upgrade head   # after undoing the statements the failure named" })
public final class RepairCommand implements Runnable {

	private final CommandContext context;

	public RepairCommand(CommandContext context) {
		this.context = context;
	}

	@Override
	public void run() {
		List<HistoryEntry> repaired = this.context.migrations(DatabaseUse.REQUIRED).repair();
		this.context.renderer().repaired(repaired);
	}

}
