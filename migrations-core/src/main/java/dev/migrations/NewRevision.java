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
 */
public record NewRevision(String message, List<String> heads, boolean splice, List<String> branchLabels,
		List<String> dependsOn, String revisionId, Path directory) {

	public NewRevision {
		message = (message != null) ? message : "";
		heads = List.copyOf(heads);
		branchLabels = List.copyOf(branchLabels);
		dependsOn = List.copyOf(dependsOn);
	}

	public static NewRevision withMessage(String message) {
		return new NewRevision(message, List.of(), false, List.of(), List.of(), null, null);
	}

}
