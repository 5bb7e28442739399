package dev.migrations.cli.command;

import java.util.List;

import dev.migrations.cli.MigrationsCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code stamp REV... [--purge] [--sql]}: sets the version table without running any script. */
@Command(name = "stamp", description = "Set the database's revision(s) without running any migration.",
		footerHeading = "%nExamples:%n",
		footer = { "  migrations stamp head", "  migrations stamp --purge 1c0d8e7f6a5b   # recover from an unknown revision" })
public final class StampCommand implements Runnable {

	@ParentCommand
	private MigrationsCommand root;

	@Parameters(arity = "1..*", paramLabel = "REV", description = "Revision(s) to stamp: ids, prefixes, head, heads, base, <label>@head")
	private List<String> revisions;

	@Option(names = "--purge", description = "Empty the version table first, even if it names unknown revisions")
	private boolean purge;

	@Option(names = "--sql", description = "Print the SQL instead of running it")
	private boolean sql;

	@Override
	public void run() {
		if (this.sql) {
			OfflineSql.print(this.root, (migrations) -> migrations.stampSql(this.revisions, this.purge));
			return;
		}
		this.root.change((migrations) -> migrations.stamp(this.revisions, this.purge));
	}

}
