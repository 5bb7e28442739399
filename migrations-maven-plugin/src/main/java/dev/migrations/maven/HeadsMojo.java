package dev.migrations.maven;

import org.apache.maven.plugins.annotations.Mojo;

import dev.migrations.report.AlembicText;

/** {@code migrations:heads}: the scripts' head revisions, as {@code migrations heads}; reads no database. */
@Mojo(name = "heads", threadSafe = true)
public class HeadsMojo extends MigrationsMojo {

	@Override
	void run(Goal goal) {
		goal.lines(AlembicText.heads(goal.scriptsOnly().heads(false)));
	}

}
