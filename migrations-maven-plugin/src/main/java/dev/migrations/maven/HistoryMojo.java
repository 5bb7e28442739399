package dev.migrations.maven;

import java.util.List;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.migrations.Migrations;
import dev.migrations.report.AlembicText;
import dev.migrations.report.RevisionView;
import dev.migrations.report.VerboseText;

/**
 * {@code migrations:history [-Dmigrations.rev-range=FROM:TO] [-Dmigrations.indicate-current] [-Dmigrations.verbose]}:
 * the revisions newest first, as {@code migrations history}; reads the database only for the current marks or a
 * {@code current} range.
 */
@Mojo(name = "history", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class HistoryMojo extends MigrationsMojo {

	/** FROM:TO, either side optional (base:head, -2:, current:). */
	@Parameter(property = "migrations.rev-range")
	private String range;

	/** Mark the database's current revisions. */
	@Parameter(property = "migrations.indicate-current", defaultValue = "false")
	private boolean indicateCurrent;

	/** Each revision in full, as {@code history --verbose}. */
	@Parameter(property = "migrations.verbose", defaultValue = "false")
	private boolean verbose;

	@Override
	void run(Goal goal) {
		boolean readsDatabase = this.indicateCurrent || (this.range != null && this.range.contains("current"));
		Migrations migrations = readsDatabase ? goal.migrations() : goal.scriptsOnly();
		List<RevisionView> history = migrations.history(this.range, this.indicateCurrent);
		goal.lines(this.verbose ? VerboseText.blocks(history) : AlembicText.history(history));
	}

}
