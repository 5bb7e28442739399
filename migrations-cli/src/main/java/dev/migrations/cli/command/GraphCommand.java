package dev.migrations.cli.command;

import dev.migrations.cli.CommandContext;
import dev.migrations.cli.DatabaseUse;
import dev.migrations.report.GraphExport;
import dev.migrations.report.RevisionDiagram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code graph --format dot|mermaid [-r RANGE]}: the revision graph for Graphviz or for a Mermaid block in
 * Markdown. With a database configured it is read, and current and pending revisions are styled.
 */
@Command(name = "graph", description = "Print the revision graph for Graphviz (dot) or Mermaid.",
		footerHeading = "%nExamples:%n",
		footer = { "  migrations graph --format dot | dot -Tsvg > migrations.svg", "  migrations graph --format mermaid" })
public final class GraphCommand implements Runnable {

	/** The formats {@code graph} writes. */
	public enum Format {

		dot, mermaid

	}

	private final CommandContext context;

	@Option(names = "--format", required = true, paramLabel = "FORMAT",
			description = "dot (Graphviz) or mermaid (a graph BT block)")
	private Format format;

	@Option(names = { "-r", "--rev-range" }, paramLabel = "RANGE",
			description = "Range FROM:TO, either side optional (base:head, -2:, current:, :3f2a)")
	private String range;

	public GraphCommand(CommandContext context) {
		this.context = context;
	}

	@Override
	public void run() {
		DatabaseUse use = this.context.settings().hasDatabase() ? DatabaseUse.REQUIRED : DatabaseUse.NONE;
		RevisionDiagram diagram = this.context.migrations(use).diagram(this.range);
		String text = switch (this.format) {
			case dot -> GraphExport.dot(diagram);
			case mermaid -> GraphExport.mermaid(diagram);
		};
		this.context.output().lines(text.lines().toList());
	}

}
