package dev.migrations.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.migrations.Migrations;
import dev.migrations.lint.Finding;
import dev.migrations.lint.LintOptions;
import dev.migrations.lint.LintReport;
import dev.migrations.lint.Severity;

/**
 * {@code migrations:lint}: {@code migrations lint} for the build. Checks the revisions not yet applied to the
 * configured database (all of them when none is configured), or a range, for statements that are unsafe on a live
 * database; each finding is a line, and an error-level one fails the build.
 */
@Mojo(name = "lint", threadSafe = true)
public class LintMojo extends MigrationsMojo {

	/** Revisions {@code FROM:TO} as {@code history -r} takes them; unset for those not yet applied. */
	@Parameter(property = "migrations.range")
	private String range;

	/** The PostgreSQL major version to check for; unset for the connected server's, else the newest. */
	@Parameter(property = "migrations.pg-version")
	private Integer postgresVersion;

	@Override
	void run(Goal goal) throws MojoFailureException {
		Migrations migrations = goal.settings().settings().hasDatabase() ? goal.migrations() : goal.scriptsOnly();
		LintReport report = migrations.lint(this.range,
				LintOptions.defaults().withPostgresVersion(this.postgresVersion));
		for (Finding finding : report.findings()) {
			if (finding.severity() == Severity.ERROR) {
				goal.log().error(finding.describe());
			}
			else {
				goal.log().warn(finding.describe());
			}
		}
		goal.log().info(report.summary());
		if (report.hasErrors()) {
			throw new MojoFailureException(report.summary()
					+ " Make the statements safe, or silence a reviewed one with '-- lint: ignore <rule-id> <reason>'"
					+ " (see docs/lint.md)");
		}
	}

}
