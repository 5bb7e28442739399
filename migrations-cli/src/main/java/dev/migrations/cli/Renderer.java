package dev.migrations.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import dev.migrations.config.MigrationListener;
import dev.migrations.error.MigrationsException;
import dev.migrations.execute.RunResult;
import dev.migrations.report.CheckReport;
import dev.migrations.report.RevisionView;
import dev.migrations.settings.DatabaseUrl;
import dev.migrations.state.HistoryEntry;

/**
 * How the commands' results are shown: {@code TextRenderer} prints Alembic's lines, {@code JsonRenderer} one JSON
 * document per command ({@code --json}). A command hands its result over and does not ask which.
 */
public interface Renderer {

	/** The renderer {@code --json} asks for, printing to {@code output}. */
	static Renderer of(boolean json, Output output) {
		return json ? new JsonRenderer(output) : new TextRenderer(output);
	}

	/** Told of each step of {@code upgrade}, {@code downgrade} and {@code stamp} as it runs. */
	MigrationListener listener();

	/** What {@code upgrade}, {@code downgrade} or {@code stamp} did, once it is done. */
	void ran(RunResult result);

	/** The SQL of {@code --sql}. */
	void sql(String sql);

	/** The directory {@code init} created, and the command that writes the first revision there. */
	void initialized(Path created, String nextCommand);

	/** The script {@code revision} or {@code merge} wrote. */
	void generated(Path written);

	/** The database's revisions, {@code current}; {@code database} for the verbose heading. */
	void current(List<RevisionView> current, boolean verbose, DatabaseUrl database);

	/** The head revisions. */
	void heads(List<RevisionView> heads, boolean verbose);

	/** The revisions of {@code history}, newest first. */
	void history(List<RevisionView> history, boolean verbose);

	/** The branch points, with {@code revision} to look up the revisions they branch into. */
	void branches(List<RevisionView> branchPoints, Function<String, RevisionView> revision, boolean verbose);

	/** Revisions in full, {@code show}. */
	void show(List<RevisionView> revisions);

	/** What {@code check} found; a failed check is reported as a failure too. */
	void check(CheckReport report);

	/** The failures {@code repair} resolved. */
	void repaired(List<HistoryEntry> repaired);

	/** A command's failure, besides the {@code FAILED:} and {@code Hint:} lines on standard error. */
	void failed(MigrationsException failure);

}
