package dev.migrations.cli.command;

import dev.migrations.cli.CommandContext;
import dev.migrations.cli.DatabaseUse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code upgrade [TARGET] [--sql]}: runs the revisions up to the target, printing each step as Alembic does. */
@Command(name = "upgrade", description = "Upgrade the database to a later revision.",
		footerHeading = "%nExamples:%n", footer = { "  migrations upgrade head",
				"  migrations upgrade 1c0d8e7f6a5b:3f2a9c1b7d4e --sql > upgrade.sql" })
public final class UpgradeCommand implements Runnable {

	private final CommandContext context;

	@Parameters(arity = "0..1", defaultValue = "head", paramLabel = "TARGET",
			description = "Revision to upgrade to: head (default), heads, an id or prefix, +N, <label>@head...; "
					+ "FROM:TO with --sql")
	private String target;

	@Option(names = "--sql", description = "Print the SQL instead of running it; a FROM:TO range needs no database")
	private boolean sql;

	public UpgradeCommand(CommandContext context) {
		this.context = context;
	}

	@Override
	public void run() {
		if (this.sql) {
			this.context.renderer().sql(this.context.migrations(DatabaseUse.NONE).upgradeSql(this.target));
			return;
		}
		this.context.change((migrations) -> migrations.upgrade(this.target));
	}

}
