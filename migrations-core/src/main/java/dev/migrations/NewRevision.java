package dev.migrations;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code revision} writes, as Alembic's {@code revision} options say it.
 *
 * @param message the message ({@code -m})
 * @param heads the revisions the new one revises ({@code --head}); empty means the single current head
 * @param splice allow revising a revision that is not a head ({@code --splice})
 * @param branchLabels labels for the new revision ({@code --branch-label})
 * @param dependsOn dependencies ({@code --depends-on}), ids, prefixes or labels
 * @param revisionId the id ({@code --rev-id}); {@code null} for a random 12-hex id
 * @param directory where the file goes; {@code null} for the first filesystem location
 * @param upgrade the statements of the upgrade section, empty for an empty section
 * @param downgrade the statements of the downgrade section, empty for an empty section
 */
public record NewRevision(String message, List<String> heads, boolean splice, List<String> branchLabels,
		List<String> dependsOn, String revisionId, Path directory, String upgrade, String downgrade) {

	public NewRevision {
		message = (message != null) ? message : "";
		upgrade = (upgrade != null) ? upgrade : "";
		downgrade = (downgrade != null) ? downgrade : "";
		heads = List.copyOf(heads);
		branchLabels = List.copyOf(branchLabels);
		dependsOn = List.copyOf(dependsOn);
	}

	/** A revision with empty sections, as {@code revision} writes one by hand. */
	public NewRevision(String message, List<String> heads, boolean splice, List<String> branchLabels,
			List<String> dependsOn, String revisionId, Path directory) {
		this(message, heads, splice, branchLabels, dependsOn, revisionId, directory, "", "");
	}

	public static NewRevision withMessage(String message) {
		return new NewRevision(message, List.of(), false, List.of(), List.of(), null, null);
	}

	/** This revision with its sections filled, as a schema diff writes them. */
	public NewRevision withSections(String upgrade, String downgrade) {
		return new NewRevision(this.message, this.heads, this.splice, this.branchLabels, this.dependsOn,
				this.revisionId, this.directory, upgrade, downgrade);
	}

}
