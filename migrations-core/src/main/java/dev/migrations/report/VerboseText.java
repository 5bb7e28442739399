package dev.migrations.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code --verbose} and {@code show} text of a revision: Alembic's {@code Rev:}/{@code Parent:} block, with the
 * script's path and checksum, which suit a SQL tool (contract §5 leaves this text free). The listings without
 * {@code --verbose} are Alembic's exact lines, from {@link AlembicText}. The command line and the Maven plugin
 * ({@code -Dmigrations.verbose}) print the same.
 */
public final class VerboseText {

	private VerboseText() {
	}

	/**
	 * {@code current --verbose}: a heading naming the database, then the block of each current revision.
	 * @param database the database as it may be shown, its password masked
	 */
	public static List<String> current(List<RevisionView> current, String database) {
		List<String> lines = new ArrayList<>();
		lines.add("Current revision(s) for " + database + ":");
		lines.addAll(blocks(current));
		return lines;
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
