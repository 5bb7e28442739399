package dev.migrations.graph;

import java.util.List;
import java.util.Objects;

/**
 * One node of the revision graph as its header declares it: the revisions it revises ({@code Revises}),
 * its branch labels and its {@code Depends On} references (revision ids or branch labels, as written).
 *
 * @param id the revision id
 * @param downRevisions the revisions this one revises, in declared order; empty for a base revision
 * @param dependsOn declared dependencies (ids, prefixes or branch labels), resolved by the graph
 * @param branchLabels labels declared on this revision
 * @param message the message; empty for none
 * @param source where the revision was defined (file name or class name), for error messages
 */
public record Revision(String id, List<String> downRevisions, List<String> dependsOn, List<String> branchLabels,
		String message, String source) {

	public Revision {
		Objects.requireNonNull(id, "id");
		downRevisions = List.copyOf(downRevisions);
		dependsOn = List.copyOf(dependsOn);
		branchLabels = List.copyOf(branchLabels);
		message = (message != null) ? message : "";
		source = (source != null) ? source : id;
	}

	/** A revision with no dependencies, labels or message: handy in graph tests. */
	public static Revision of(String id, String... downRevisions) {
		return new Revision(id, List.of(downRevisions), List.of(), List.of(), "", id);
	}

	public boolean isBase() {
		return this.downRevisions.isEmpty();
	}

	public boolean isMerge() {
		return this.downRevisions.size() > 1;
	}

}
