package dev.migrations.cli.command;

import java.util.List;

import dev.migrations.cli.CommandContext;
import dev.migrations.cli.DatabaseUse;
import dev.migrations.report.GraphText;
import dev.migrations.report.RevisionDiagram;
import dev.migrations.report.RevisionView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code history [-r RANGE] [-v] [-i] [--graph [--unicode]]}: the revisions, newest first. */
@Command(name = "history", description = "List the revisions, newest first.",
		footerHeading = "%nExamples:%n", footer = { "  migrations history --verbose", "  migrations history -r -2:current -i",
				"  migrations history --graph --unicode" })
public final class HistoryCommand implements Runnable {

	/** The columns {@code --graph} fits its lines in. */
	private static final int GRAPH_WIDTH = 80;

	@Spec
	private CommandSpec spec;

	private final CommandContext context;

	@Option(names = { "-r", "--rev-range" }, paramLabel = "RANGE",
			description = "Range FROM:TO, either side optional (base:head, -2:, current:, :3f2a)")
	private String range;

	@Option(names = { "-v", "--verbose" }, description = "Show each revision in full")
	private boolean verbose;

	@Option(names = { "-i", "--indicate-current" }, description = "Mark the database's current revisions")
	private boolean indicateCurrent;

	@Option(names = "--graph", description = "Draw the revision graph as git log --graph does; marks the current "
			+ "revisions when a database is configured")
	private boolean graph;

	@Option(names = "--unicode", description = "Draw the graph with Unicode box characters instead of ASCII")
	private boolean unicode;

	public HistoryCommand(CommandContext context) {
		this.context = context;
	}

	@Override
	public void run() {
		if (this.graph) {
			drawGraph();
			return;
		}
		if (this.unicode) {
			throw new ParameterException(this.spec.commandLine(), "--unicode is for the graph: add --graph");
		}
		boolean readsDatabase = this.indicateCurrent || (this.range != null && this.range.contains("current"));
		List<RevisionView> history = this.context.migrations(readsDatabase ? DatabaseUse.REQUIRED : DatabaseUse.NONE)
			.history(this.range, this.indicateCurrent);
		this.context.renderer().history(history, this.verbose);
	}

	/** {@code --graph}: reads the database only when one is configured, for the current marks. */
	private void drawGraph() {
		if (this.verbose || this.context.output().json()) {
			throw new ParameterException(this.spec.commandLine(), "--graph draws text: leave out "
					+ (this.verbose ? "--verbose" : "--json") + ", or use 'migrations graph --format dot|mermaid'");
		}
		DatabaseUse use = this.context.settings().hasDatabase() ? DatabaseUse.REQUIRED : DatabaseUse.NONE;
		RevisionDiagram diagram = this.context.migrations(use).diagram(this.range);
		this.context.output()
			.lines(GraphText.draw(diagram, this.unicode ? GraphText.Glyphs.UNICODE : GraphText.Glyphs.ASCII,
					GRAPH_WIDTH));
	}

}
