package dev.migrations.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.migrations.config.MigrationListener;
import dev.migrations.error.MigrationsException;
import dev.migrations.execute.RunResult;
import dev.migrations.report.CheckReport;
import dev.migrations.report.RevisionView;
import dev.migrations.settings.DatabaseUrl;
import dev.migrations.state.HistoryEntry;

/** {@code --json}: each command's result as one JSON document on standard output (see {@link JsonViews}). */
final class JsonRenderer implements Renderer {

	private final Output output;

	JsonRenderer(Output output) {
		this.output = output;
	}

	/** The steps go into the one document at the end. */
	@Override
	public MigrationListener listener() {
		return MigrationListener.NONE;
	}

	@Override
	public void ran(RunResult result) {
		this.output.document(JsonViews.run(result));
	}

	@Override
	public void sql(String sql) {
		this.output.document(Map.of("sql", sql));
	}

	@Override
	public void initialized(Path created, String nextCommand) {
		this.output.document(JsonViews.path(created));
	}

	@Override
	public void generated(Path written) {
		this.output.document(JsonViews.path(written.toAbsolutePath().normalize()));
	}

	@Override
	public void current(List<RevisionView> current, boolean verbose, DatabaseUrl database) {
		this.output.document(JsonViews.current(current));
	}

	@Override
	public void heads(List<RevisionView> heads, boolean verbose) {
		this.output.document(JsonViews.revisions("heads", heads));
	}

	@Override
	public void history(List<RevisionView> history, boolean verbose) {
		this.output.document(JsonViews.revisions("history", history));
	}

	@Override
	public void branches(List<RevisionView> branchPoints, Function<String, RevisionView> revision, boolean verbose) {
		this.output.document(JsonViews.revisions("branches", branchPoints));
	}

	@Override
	public void show(List<RevisionView> revisions) {
		this.output.document(JsonViews.revisions("revisions", revisions));
	}

	@Override
	public void check(CheckReport report) {
		this.output.document(JsonViews.check(report));
	}

	@Override
	public void repaired(List<HistoryEntry> repaired) {
		this.output.document(JsonViews.repaired(repaired));
	}

	/** {@code {"error": ...}}, unless the command printed its own document first, as {@code check} does. */
	@Override
	public void failed(MigrationsException failure) {
		if (!this.output.printed()) {
			this.output.document(JsonViews.error(failure.kind(), Output.oneLine(failure.getMessage()),
					(failure.hint() != null) ? Output.oneLine(failure.hint()) : null));
		}
	}

}
