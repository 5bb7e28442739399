package dev.migrations.maven;

import java.io.File;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.migrations.Migrations;
import dev.migrations.report.GraphExport;
import dev.migrations.report.RevisionDiagram;

/**
 * {@code migrations:graph -Dmigrations.format=dot|mermaid [-Dmigrations.range=FROM:TO] [-Dmigrations.output=FILE]}:
 * the revision graph for Graphviz or a Mermaid block, as {@code migrations graph} prints it, in the build log or in
 * a file. With a database configured it is read, and current and pending revisions are styled.
 */
@Mojo(name = "graph", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class GraphMojo extends MigrationsMojo {

	/** The formats, as {@code migrations graph --format} names them. */
	enum Format {

		dot, mermaid

	}

	/** {@code dot} (Graphviz) or {@code mermaid} (a {@code graph BT} block). */
	@Parameter(property = "migrations.format")
	private String format;

	/** FROM:TO, either side optional (base:head, -2:, current:, :3f2a), as {@code graph -r} takes it. */
	@Parameter(property = "migrations.range")
	private String range;

	/**
	 * The file to write the graph to, as it is (ready for {@code dot}), instead of printing it in the build log;
	 * relative to the project's directory, its parent directories created, an earlier file replaced.
	 */
	@Parameter(property = "migrations.output")
	private File output;

	@Override
	void run(Goal goal) throws MojoFailureException {
		Format chosen = Choice.of(Format.class, "migrations.format", this.format);
		Migrations migrations = goal.settings().settings().hasDatabase() ? goal.migrations() : goal.scriptsOnly();
		RevisionDiagram diagram = migrations.diagram(this.range);
		String text = switch (chosen) {
			case dot -> GraphExport.dot(diagram);
			case mermaid -> GraphExport.mermaid(diagram);
		};
		if (this.output == null) {
			goal.lines(text.lines().toList());
		}
		else {
			goal.log().info("Wrote the " + chosen + " graph to " + OutputFile.write(this.output.toPath(), text, "graph." + chosen));
		}
	}

}
