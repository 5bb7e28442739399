package dev.migrations.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.migrations.error.ErrorKind;
import dev.migrations.execute.RunResult;
import dev.migrations.graph.MigrationStep;
import dev.migrations.graph.PlanStep;
import dev.migrations.graph.StampStep;
import dev.migrations.report.CheckReport;
import dev.migrations.report.RevisionView;
import dev.migrations.state.HistoryEntry;

/**
 * The {@code --json} documents: the engine's values as maps and lists, with the field names of
 * {@code /actuator/migrations} where the two show the same thing ({@code revision}, {@code revises},
 * {@code branchLabels}, {@code dependsOn}).
 */
public final class JsonViews {

	private JsonViews() {
	}

	/** {@code {"<name>": [revision...]}}, for {@code current}, {@code heads}, {@code branches}, {@code history}, {@code show}. */
	public static Map<String, Object> revisions(String name, List<RevisionView> views) {
		return Map.of(name, views.stream().map(JsonViews::revision).toList());
	}

	/** {@code {"current": [revision...]}}: the database's revisions, each marked current. */
	public static Map<String, Object> current(List<RevisionView> views) {
		return Map.of("current", views.stream().map((view) -> {
			Map<String, Object> json = revision(view);
			json.put("current", true);
			return json;
		}).toList());
	}

	/** {@code {"error": {"kind": ..., "message": ..., "hint": ...}}}: a failure, for {@code --json}. */
	static Map<String, Object> error(ErrorKind kind, String message, String hint) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("kind", kind.name().toLowerCase(Locale.ROOT).replace('_', '-'));
		error.put("message", message);
		error.put("hint", hint);
		return Map.of("error", error);
	}

	static Map<String, Object> revision(RevisionView view) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("revision", view.id());
		json.put("revises", view.revision().downRevisions());
		json.put("message", view.revision().message());
		json.put("branchLabels", view.branchLabels());
		json.put("dependsOn", view.revision().dependsOn());
		json.put("nextRevisions", view.nextRevisions());
		json.put("head", view.head());
		json.put("effectiveHead", view.effectiveHead());
		json.put("branchPoint", view.branchPoint());
		json.put("mergePoint", view.mergePoint());
		json.put("current", view.current());
		json.put("location", view.location());
		json.put("checksum", view.checksum());
		return json;
	}

	/** What an {@code upgrade}, {@code downgrade} or {@code stamp} did: rows before and after, and each step. */
	public static Map<String, Object> run(RunResult result) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("before", result.before());
		json.put("steps", result.steps().stream().map(JsonViews::step).toList());
		json.put("after", result.after());
		return json;
	}

	private static Map<String, Object> step(PlanStep step) {
		Map<String, Object> json = new LinkedHashMap<>();
		if (step instanceof MigrationStep migration) {
			json.put("operation", migration.direction().verb());
			json.put("revision", migration.revision().id());
			json.put("from", migration.from());
			json.put("to", migration.to());
		}
		else if (step instanceof StampStep stamp) {
			json.put("operation", "stamp");
			json.put("from", stamp.from());
			json.put("to", stamp.to());
		}
		json.put("line", step.describe());
		return json;
	}

	public static Map<String, Object> check(CheckReport report) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("ok", report.ok());
		json.put("current", report.current());
		json.put("target", report.target());
		json.put("pending", report.pending());
		json.put("checksumMismatches", report.checksumMismatches());
		json.put("problems", report.problems());
		return json;
	}

	/** {@code {"repaired": [{"revision", "operation", "partialState"}...]}}: the failures {@code repair} resolved. */
	public static Map<String, Object> repaired(List<HistoryEntry> failures) {
		return Map.of("repaired", failures.stream().map((failure) -> {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("revision", failure.revision());
			json.put("operation", failure.operation().value());
			json.put("partialState", failure.partialState());
			return json;
		}).toList());
	}

	/** {@code {"path": "..."}}, for the commands that write a file or directory. */
	public static Map<String, Object> path(Path path) {
		return Map.of("path", path.toString());
	}

}
