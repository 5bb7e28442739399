package dev.migrations.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.migrations.Migrations;
import dev.migrations.lint.Finding;
import dev.migrations.lint.LintOptions;
import dev.migrations.lint.LintReport;
import dev.migrations.lint.LintViews;
import dev.migrations.lint.Severity;
import dev.migrations.report.Json;

/**
 * {@code migrations:lint}: {@code migrations lint} for the build. Checks the revisions not yet applied to the
 * configured database (all of them when none is configured), or a range, for statements that are unsafe on a live
 * database; each finding is a line (or, with {@code -Dmigrations.format=json|sarif}, the command line's document),
 * and an error-level one fails the build. With {@code -Dmigrations.output=FILE} the report goes to that file instead.
 */
@Mojo(name = "lint", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class LintMojo extends MigrationsMojo {

	/** The outputs, as {@code migrations lint --format} names them. */
	enum Format {

		text, json, sarif

	}

	/** Revisions {@code FROM:TO} as {@code history -r} takes them; unset for those not yet applied. */
	@Parameter(property = "migrations.range")
	private String range;

	/** The PostgreSQL major version to check for; unset for the connected server's, else the newest. */
	@Parameter(property = "migrations.pg-version")
	private Integer postgresVersion;

	/** {@code text} (a line per finding), {@code json} or {@code sarif}, as {@code migrations lint --format}. */
	@Parameter(property = "migrations.format", defaultValue = "text")
	private String format;

	/**
	 * The file to write the report to, as it is (SARIF for a code-scanning upload), instead of printing it in the
	 * build log; relative to the project's directory, its parent directories created, an earlier file replaced. An
	 * error-level finding still fails the build, once the file is written.
	 */
	@Parameter(property = "migrations.output")
	private File output;

	@Override
	void run(Goal goal) throws MojoFailureException {
		Format chosen = Choice.of(Format.class, "migrations.format", this.format);
		Migrations migrations = goal.settings().settings().hasDatabase() ? goal.migrations() : goal.scriptsOnly();
		LintReport report = migrations.lint(this.range,
				LintOptions.defaults().withPostgresVersion(this.postgresVersion));
		if (this.output != null) {
			Path written = OutputFile.write(this.output.toPath(), document(chosen, report), "lint." + chosen);
			goal.log().info("Wrote the " + chosen + " lint report to " + written);
		}
		else if (chosen == Format.text) {
			printFindings(goal, report);
		}
		else {
			goal.log().info(document(chosen, report));
		}
		if (report.hasErrors()) {
			throw new MojoFailureException(report.summary()
					+ " Make the statements safe, or silence a reviewed one with '-- lint: ignore <rule-id> <reason>'"
					+ " (see docs/lint.md)");
		}
	}

	/** The report as the command line prints it in that format: a line per finding and the summary, or a document. */
	private static String document(Format format, LintReport report) {
		return switch (format) {
			case json -> Json.write(LintViews.json(report));
			case sarif -> Json.write(LintViews.sarif(report));
			case text -> Stream.concat(report.findings().stream().map(Finding::describe), Stream.of(report.summary()))
				.collect(Collectors.joining("\n"));
		};
	}

	private static void printFindings(Goal goal, LintReport report) {
		for (Finding finding : report.findings()) {
			if (finding.severity() == Severity.ERROR) {
				goal.log().error(finding.describe());
			}
			else {
				goal.log().warn(finding.describe());
			}
		}
		goal.log().info(report.summary());
	}

}
