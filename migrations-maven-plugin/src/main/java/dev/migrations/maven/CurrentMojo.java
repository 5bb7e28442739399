package dev.migrations.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.migrations.report.AlembicText;

/** {@code migrations:current}: the database's current revisions, one line each, as {@code migrations current}. */
@Mojo(name = "current", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class CurrentMojo extends MigrationsMojo {

	@Override
	void run(Goal goal) {
		goal.lines(AlembicText.current(goal.migrations().current()));
	}

}
