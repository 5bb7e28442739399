package dev.migrations.maven;

import java.util.List;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.migrations.report.AlembicText;
import dev.migrations.report.RevisionView;
import dev.migrations.report.VerboseText;

/**
 * {@code migrations:current [-Dmigrations.verbose]}: the database's current revisions, one line each (or in full), as
 * {@code migrations current}.
 */
@Mojo(name = "current", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class CurrentMojo extends MigrationsMojo {

	/** Each current revision in full under a heading naming the database, as {@code current --verbose}. */
	@Parameter(property = "migrations.verbose", defaultValue = "false")
	private boolean verbose;

	@Override
	void run(Goal goal) {
		List<RevisionView> current = goal.migrations().current();
		goal.lines(this.verbose
				? VerboseText.current(current, goal.settings().settings().requireDatabase().displayUrl())
				: AlembicText.current(current));
	}

}
