package dev.migrations.cli.command;

import java.util.concurrent.Callable;

import dev.migrations.cli.CommandContext;
import dev.migrations.cli.DatabaseUse;
import dev.migrations.cli.Output;
import dev.migrations.lint.Finding;
import dev.migrations.lint.LintOptions;
import dev.migrations.lint.LintReport;
import dev.migrations.lint.LintViews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lint [RANGE] [--format text|json|sarif] [--pg-version N]}: the statements that are unsafe on a live
 * database; exit 1 on any error-level finding. Without a range, the revisions not yet applied to the configured
 * database, or all of them when none is configured.
 */
@Command(name = "lint", description = "Check revisions for statements unsafe on a live database (exit 1 on an error).",
		footerHeading = "%nExamples:%n",
		footer = { "  migrations lint", "  migrations lint ae10:head --format sarif > lint.sarif" })
public final class LintCommand implements Callable<Integer> {

	/** The exit code when a finding is an error. */
	private static final int EXIT_ERRORS = 1;

	private final CommandContext context;

	@Parameters(arity = "0..1", paramLabel = "RANGE",
			description = "Revisions FROM:TO as history -r takes them (default: those not yet applied, or all "
					+ "without a database)")
	private String range;

	@Option(names = "--format", paramLabel = "FORMAT", description = "text (default), json or sarif")
	private Format format;

	@Option(names = "--pg-version", paramLabel = "N",
			description = "PostgreSQL major version to check for (default: the connected server's, else the newest)")
	private Integer postgresVersion;

	/** The output formats. */
	enum Format {

		text, json, sarif

	}

	public LintCommand(CommandContext context) {
		this.context = context;
	}

	@Override
	public Integer call() {
		boolean readsDatabase = this.context.settings().hasDatabase();
		LintReport report = this.context.migrations(readsDatabase ? DatabaseUse.REQUIRED : DatabaseUse.NONE)
			.lint(this.range, LintOptions.defaults().withPostgresVersion(this.postgresVersion));
		Output output = this.context.output();
		Format chosen = (this.format != null) ? this.format : (output.json() ? Format.json : Format.text);
		switch (chosen) {
			case json -> output.document(LintViews.json(report));
			case sarif -> output.document(LintViews.sarif(report));
			case text -> {
				report.findings().stream().map(Finding::describe).forEach(output::line);
				output.line(report.summary());
			}
		}
		return report.hasErrors() ? EXIT_ERRORS : 0;
	}

}
