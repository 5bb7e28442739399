package dev.migrations.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The listing commands' text, line for line as Alembic prints it, so that Alembic users and their scripts read
 * our output the same: {@code current}, {@code heads}, {@code branches} and {@code history} without
 * {@code --verbose}.
 */
public final class AlembicText {

	private AlembicText() {
	}

	/** {@code revision} and {@code merge}, for the file written: {@code Generating <absolute path> ...  done}. */
	public static String generating(Path written) {
		return "Generating " + written.toAbsolutePath().normalize() + " ...  done";
	}

	/** {@code current}: {@code <id>[ (head)| (effective head)][ (branchpoint)][ (mergepoint)]}. */
	public static List<String> current(List<RevisionView> views) {
		return views.stream().map((view) -> view.id() + headIndicators(view) + treeIndicators(view)).toList();
	}

	/** {@code heads}: {@code <id>[ (labels)][ (head)| (effective head)]}. */
	public static List<String> heads(List<RevisionView> views) {
		return views.stream().map((view) -> view.id() + labels(view) + headIndicators(view)).toList();
	}

	/** {@code history}: {@code <down>|<base>[ (<depends on>)] -> <id>[ (labels)][indicators], <message>}. */
	public static List<String> history(List<RevisionView> views) {
		return views.stream().map(AlembicText::historyLine).toList();
	}

	/**
	 * {@code branches}: each branch point, then one {@code -> child} line per child indented by the width of the
	 * id, then an empty line.
	 * @param childView looks up the view of a child revision
	 */
	public static List<String> branches(List<RevisionView> branchPoints, Function<String, RevisionView> childView) {
		List<String> lines = new ArrayList<>();
		for (RevisionView point : branchPoints) {
			lines.add(point.id() + labels(point) + headIndicators(point) + treeIndicators(point));
			lines.addAll(branchChildren(point, childView, false));
			lines.add("");
		}
		return lines;
	}

	/**
	 * The {@code -> child} lines under a branch point, indented by the width of its id; {@code branches -v} adds
	 * each child's message, as Alembic does.
	 */
	public static List<String> branchChildren(RevisionView point, Function<String, RevisionView> childView,
			boolean withMessage) {
		String indent = " ".repeat(point.id().length());
		return point.nextRevisions().stream().map(childView).map((view) -> indent + " -> " + view.id() + labels(view)
				+ headIndicators(view) + treeIndicators(view) + (withMessage ? ", " + view.revision().message() : ""))
			.toList();
	}

	private static String historyLine(RevisionView view) {
		List<String> downs = view.revision().downRevisions();
		String parents = downs.isEmpty() ? "<base>" : String.join(", ", downs);
		List<String> dependsOn = view.revision().dependsOn();
		if (!dependsOn.isEmpty()) {
			parents = parents + " (" + String.join(", ", dependsOn) + ")";
		}
		return parents + " -> " + view.id() + labels(view) + headIndicators(view) + treeIndicators(view) + ", "
				+ view.revision().message();
	}

	private static String labels(RevisionView view) {
		return view.branchLabels().isEmpty() ? "" : " (" + String.join(", ", view.branchLabels()) + ")";
	}

	private static String headIndicators(RevisionView view) {
		return (view.head() ? " (head)" : "") + (view.effectiveHead() ? " (effective head)" : "")
				+ (view.current() ? " (current)" : "");
	}

	private static String treeIndicators(RevisionView view) {
		return (view.branchPoint() ? " (branchpoint)" : "") + (view.mergePoint() ? " (mergepoint)" : "");
	}

}
