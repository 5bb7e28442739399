package dev.migrations.cli;

import java.util.ArrayList;
import java.util.List;

import dev.migrations.report.RevisionView;

/**
 * The text of the listing commands, line for line as Alembic prints it (SPEC §5): {@code current}, {@code heads},
 * {@code branches} and {@code history}, and the {@code --verbose} / {@code show} blocks. Every command prints
 * revisions through this class only.
 */
public final class RevisionText {

	private RevisionText() {
	}

	/** {@code <id> (<labels>) (head)} or {@code (effective head)}, one line per head. */
	public static List<String> heads(List<RevisionView> heads) {
		return heads.stream().map((view) -> id(view) + labels(view) + headIndicators(view)).toList();
	}

	/** {@code <id> (head)}, {@code (effective head)}, {@code (branchpoint)}, {@code (mergepoint)}: no labels. */
	public static List<String> current(List<RevisionView> current) {
		return current.stream().map((view) -> id(view) + headIndicators(view) + treeIndicators(view)).toList();
	}

	/** Each branch point, then {@code <spaces> -> <child> (<labels>)} per child, then an empty line. */
	public static List<String> branches(List<RevisionView> branchPoints, List<RevisionView> children) {
		List<String> lines = new ArrayList<>();
		for (RevisionView branchPoint : branchPoints) {
			lines.add(id(branchPoint) + labels(branchPoint) + headIndicators(branchPoint) + treeIndicators(branchPoint));
			String indent = " ".repeat(branchPoint.id().length());
			for (String next : branchPoint.nextRevisions()) {
				RevisionView child = children.stream().filter((view) -> view.id().equals(next)).findFirst().orElseThrow();
				lines.add(indent + " -> " + id(child) + labels(child) + headIndicators(child) + treeIndicators(child));
			}
			lines.add("");
		}
		return lines;
	}

	/**
	 * {@code <down ids>|<base> [(<depends on>)] -> <id> [(labels)] [indicators], <message>}, newest first;
	 * {@code (current)} marks the database's revisions where the views say so ({@code history -i}).
	 */
	public static List<String> history(List<RevisionView> revisions) {
		return revisions.stream()
			.map((view) -> parents(view) + " -> " + id(view) + labels(view) + headIndicators(view)
					+ (view.current() ? " (current)" : "") + treeIndicators(view) + ", " + view.revision().message())
			.toList();
	}

	/** The {@code --verbose} block of a revision: Alembic's fields plus the script's path and checksum. */
	public static List<String> verbose(RevisionView view) {
		List<String> lines = new ArrayList<>();
		lines.add("Rev: " + id(view) + (view.head() || view.effectiveHead() ? " (head)" : "")
				+ (view.branchPoint() ? " (branchpoint)" : "") + (view.mergePoint() ? " (mergepoint)" : "")
				+ (view.current() ? " (current)" : ""));
		lines.add((view.mergePoint() ? "Merges: " : "Parent: ") + downRevisions(view));
		if (!view.revision().dependsOn().isEmpty()) {
			lines.add("Also depends on: " + String.join(", ", view.revision().dependsOn()));
		}
		if (view.branchPoint()) {
			lines.add("Branches into: " + String.join(", ", view.nextRevisions()));
		}
		if (!view.branchLabels().isEmpty()) {
			lines.add("Branch names: " + String.join(", ", view.branchLabels()));
		}
		lines.add("Path: " + view.location());
		if (view.checksum() != null) {
			lines.add("Checksum: " + view.checksum());
		}
		lines.add("");
		view.revision().message().lines().forEach((line) -> lines.add("    " + line));
		lines.add("");
		return lines;
	}

	/** The verbose blocks of several revisions, one after another. */
	public static List<String> verbose(List<RevisionView> views) {
		return views.stream().flatMap((view) -> verbose(view).stream()).toList();
	}

	private static String id(RevisionView view) {
		return view.id();
	}

	private static String labels(RevisionView view) {
		return view.branchLabels().isEmpty() ? "" : " (" + String.join(", ", view.branchLabels()) + ")";
	}

	private static String headIndicators(RevisionView view) {
		return (view.head() ? " (head)" : "") + (view.effectiveHead() ? " (effective head)" : "");
	}

	private static String treeIndicators(RevisionView view) {
		return (view.branchPoint() ? " (branchpoint)" : "") + (view.mergePoint() ? " (mergepoint)" : "");
	}

	private static String parents(RevisionView view) {
		List<String> dependsOn = view.revision().dependsOn();
		return downRevisions(view) + (dependsOn.isEmpty() ? "" : " (" + String.join(", ", dependsOn) + ")");
	}

	private static String downRevisions(RevisionView view) {
		List<String> down = view.revision().downRevisions();
		return down.isEmpty() ? "<base>" : String.join(", ", down);
	}

}
