package dev.migrations.maven;

import java.util.List;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.migrations.report.AlembicText;
import dev.migrations.report.RevisionView;
import dev.migrations.report.VerboseText;

/**
 * {@code migrations:heads [-Dmigrations.verbose]}: the scripts' head revisions, as {@code migrations heads}; reads no
 * database.
 */
@Mojo(name = "heads", threadSafe = true)
public class HeadsMojo extends MigrationsMojo {

	/** Each head in full, as {@code heads --verbose}. */
	@Parameter(property = "migrations.verbose", defaultValue = "false")
	private boolean verbose;

	@Override
	void run(Goal goal) {
		List<RevisionView> heads = goal.scriptsOnly().heads(false);
		goal.lines(this.verbose ? VerboseText.blocks(heads) : AlembicText.heads(heads));
	}

}
