package dev.migrations.report;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The revisions of a {@code history} range as a graph to draw ({@code history --graph}, {@code graph --format}):
 * each revision with its edges to the revisions drawn with it.
 *
 * @param nodes the revisions, newest first (a revision before everything it revises or depends on)
 */
public record RevisionDiagram(List<Node> nodes) {

	public RevisionDiagram {
		nodes = List.copyOf(nodes);
	}

	/** The diagram of revisions without a database: nothing current, nothing pending. */
	public static RevisionDiagram of(List<RevisionView> views, Function<String, List<String>> dependencies) {
		return of(views, dependencies, (id) -> true);
	}

	/**
	 * The diagram of revisions with the database's position.
	 * @param views the revisions newest first, the current ones marked
	 * @param dependencies the resolved dependencies of a revision
	 * @param isApplied whether a revision is at or below a current revision
	 */
	public static RevisionDiagram of(List<RevisionView> views, Function<String, List<String>> dependencies,
			Predicate<String> isApplied) {
		Set<String> drawn = new LinkedHashSet<>();
		views.forEach((view) -> drawn.add(view.id()));
		List<Node> nodes = views.stream().map((view) -> {
			List<String> parents = view.revision().downRevisions().stream().filter(drawn::contains).toList();
			List<String> dependsOn = dependencies.apply(view.id())
				.stream()
				.filter((id) -> drawn.contains(id) && !parents.contains(id))
				.toList();
			return new Node(view.id(), view.revision().message(), view.branchLabels(), parents, dependsOn,
					view.head(), view.effectiveHead(), view.current(), !isApplied.test(view.id()));
		}).toList();
		return new RevisionDiagram(nodes);
	}

	/**
	 * One revision of the diagram.
	 *
	 * @param id the revision id
	 * @param message its message; empty for none
	 * @param labels the branch labels that apply to it
	 * @param parents the revisions it revises, among those drawn, in declared order
	 * @param dependsOn the revisions it depends on, among those drawn and not also revised
	 * @param head nothing revises it or depends on it
	 * @param effectiveHead nothing revises it, but something depends on it
	 * @param current the database's version table names it
	 * @param pending the database has not applied it (never without a database)
	 */
	public record Node(String id, String message, List<String> labels, List<String> parents, List<String> dependsOn,
			boolean head, boolean effectiveHead, boolean current, boolean pending) {

		public Node {
			labels = List.copyOf(labels);
			parents = List.copyOf(parents);
			dependsOn = List.copyOf(dependsOn);
		}

	}

}
