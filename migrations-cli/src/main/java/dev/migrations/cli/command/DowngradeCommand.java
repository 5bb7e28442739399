package dev.migrations.cli.command;

import dev.migrations.cli.CommandContext;
import dev.migrations.cli.DatabaseUse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code downgrade TARGET [--sql]}: reverts the revisions above the target, printing each step as Alembic does. */
@Command(name = "downgrade", description = "Revert the database to a previous revision.",
		footerHeading = "%nExamples:%n", footer = { "  migrations downgrade -1",
				"  migrations downgrade 3f2a9c1b7d4e:1c0d8e7f6a5b --sql > downgrade.sql" })
public final class DowngradeCommand implements Runnable {

	private final CommandContext context;

	@Parameters(paramLabel = "TARGET",
			description = "Revision to downgrade to: -N, an id or prefix, base, <label>@-N, <label>@base...; FROM:TO with --sql")
	private String target;

	@Option(names = "--sql", description = "Print the SQL instead of running it; a FROM:TO range needs no database")
	private boolean sql;

	public DowngradeCommand(CommandContext context) {
		this.context = context;
	}

	@Override
	public void run() {
		if (this.sql) {
			this.context.renderer().sql(this.context.migrations(DatabaseUse.NONE).downgradeSql(this.target));
			return;
		}
		this.context.change((migrations) -> migrations.downgrade(this.target));
	}

}
