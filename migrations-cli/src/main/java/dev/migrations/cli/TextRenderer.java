package dev.migrations.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import dev.migrations.config.MigrationListener;
import dev.migrations.error.MigrationsException;
import dev.migrations.execute.RunResult;
import dev.migrations.report.AlembicText;
import dev.migrations.report.CheckReport;
import dev.migrations.report.RevisionView;
import dev.migrations.report.VerboseText;
import dev.migrations.settings.DatabaseUrl;
import dev.migrations.state.HistoryEntry;

/** The commands' results as Alembic prints them, line by line; {@code --verbose} blocks from {@link VerboseText}. */
final class TextRenderer implements Renderer {

	private final Output output;

	TextRenderer(Output output) {
		this.output = output;
	}

	/** Alembic's {@code Running upgrade a -> b, message}, as each step runs. */
	@Override
	public MigrationListener listener() {
		return (step) -> this.output.line(step.describe());
	}

	/** Its steps were printed as they ran. */
	@Override
	public void ran(RunResult result) {
	}

	@Override
	public void sql(String sql) {
		this.output.line(sql.stripTrailing());
	}

	@Override
	public void initialized(Path created, String nextCommand) {
		this.output.line("Creating directory " + created.toAbsolutePath().normalize() + " ...  done");
		this.output.line("Write the first revision with: " + nextCommand);
	}

	@Override
	public void generated(Path written) {
		this.output.line(AlembicText.generating(written));
	}

	@Override
	public void current(List<RevisionView> current, boolean verbose, DatabaseUrl database) {
		this.output.lines(verbose ? VerboseText.current(current, String.valueOf(database)) : AlembicText.current(current));
	}

	@Override
	public void heads(List<RevisionView> heads, boolean verbose) {
		this.output.lines(verbose ? VerboseText.blocks(heads) : AlembicText.heads(heads));
	}

	@Override
	public void history(List<RevisionView> history, boolean verbose) {
		this.output.lines(verbose ? VerboseText.blocks(history) : AlembicText.history(history));
	}

	@Override
	public void branches(List<RevisionView> branchPoints, Function<String, RevisionView> revision, boolean verbose) {
		if (!verbose) {
			this.output.lines(AlembicText.branches(branchPoints, revision));
			return;
		}
		for (RevisionView point : branchPoints) {
			this.output.lines(VerboseText.blocks(List.of(point)));
			this.output.lines(AlembicText.branchChildren(point, revision, true));
			this.output.line("");
		}
	}

	@Override
	public void show(List<RevisionView> revisions) {
		this.output.lines(VerboseText.blocks(revisions));
	}

	/** A passed check says so; a failed one prints only its failure. */
	@Override
	public void check(CheckReport report) {
		if (report.ok()) {
			this.output.line(report.current().isEmpty() ? "Database is up to date: there are no revisions."
					: "Database is up to date at " + String.join(", ", report.current()) + ".");
		}
	}

	@Override
	public void repaired(List<HistoryEntry> repaired) {
		if (repaired.isEmpty()) {
			this.output.line("Nothing to repair: no failed revision is left partly applied.");
		}
		repaired.forEach((failure) -> this.output.line("Repaired revision " + failure.revision() + ": its failed "
				+ failure.operation().value() + " is marked resolved (" + failure.partialState() + ")"));
	}

	/** The failure's lines on standard error say it all. */
	@Override
	public void failed(MigrationsException failure) {
	}

}
