package dev.migrations.cli.command;

import java.util.List;

import dev.migrations.cli.CommandContext;
import dev.migrations.cli.DatabaseUse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stamp REV... [--purge] [--sql]}: sets the version table without running any script. */
@Command(name = "stamp", description = "Set the database's revision(s) without running any migration.",
		footerHeading = "%nExamples:%n",
		footer = { "  migrations stamp head", "  migrations stamp --purge 1c0d8e7f6a5b   # recover from an unknown revision" })
public final class StampCommand implements Runnable {

	private final CommandContext context;

	@Parameters(arity = "1..*", paramLabel = "REV", description = "Revision(s) to stamp: ids, prefixes, head, heads, base, <label>@head")
	private List<String> revisions;

	@Option(names = "--purge", description = "Empty the version table first, even if it names unknown revisions")
	private boolean purge;

	@Option(names = "--sql", description = "Print the SQL instead of running it")
	private boolean sql;

	public StampCommand(CommandContext context) {
		this.context = context;
	}

	@Override
	public void run() {
		if (this.sql) {
			this.context.renderer().sql(this.context.migrations(DatabaseUse.NONE).stampSql(this.revisions, this.purge));
			return;
		}
		this.context.change((migrations) -> migrations.stamp(this.revisions, this.purge));
	}

}
