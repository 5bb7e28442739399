package dev.migrations.cli;

import java.util.ArrayList;
import java.util.List;

import dev.migrations.report.RevisionView;

/**
 * The {@code --verbose} and {@code show} text of a revision: Alembic's {@code Rev:}/{@code Parent:} block, with the
 * script's path and checksum, which suit a SQL tool (contract §5 leaves this text free). The listings without
 * {@code --verbose} are Alembic's exact lines, from {@link dev.migrations.report.AlembicText}.
 */
public final class VerboseText {

	private VerboseText() {
	}

	/** The blocks of the revisions, one after another. */
	public static List<String> blocks(List<RevisionView> views) {
		return views.stream().flatMap((view) -> block(view).stream()).toList();
	}

	/** One revision: Alembic's fields plus the script's path and checksum, then the message indented. */
	private static List<String> block(RevisionView view) {
		List<String> lines = new ArrayList<>();
		lines.add("Rev: " + view.id() + (view.head() || view.effectiveHead() ? " (head)" : "")
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

	private static String downRevisions(RevisionView view) {
		List<String> down = view.revision().downRevisions();
		return down.isEmpty() ? "<base>" : String.join(", ", down);
	}

}
