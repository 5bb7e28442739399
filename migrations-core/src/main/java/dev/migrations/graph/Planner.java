package dev.migrations.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.migrations.graph.HeadMaintainer.StampMove;

/**
 * Alembic's commands that change the version rows, on the graph alone: what {@code upgrade}, {@code downgrade} and
 * {@code stamp} run from given version rows, with the rows after each step. Errors come out as
 * {@link GraphException}s worded for the command. What the listings show is {@link RevisionQueries}' job.
 */
public final class Planner {

	private static final String UPGRADE_RANGE = "Destination %(end)s is not a valid upgrade target from current head(s)";

	private static final String DOWNGRADE_RANGE = "Destination %(end)s is not a valid downgrade target from current head(s)";

	private static final String STAMP_MULTIPLE_HEADS = "Multiple heads are present; please specify a single target revision";

	private final RevisionGraph graph;

	private final TargetResolver resolver;

	private final RevisionCollector collector;

	public Planner(RevisionGraph graph) {
		this.graph = graph;
		this.resolver = new TargetResolver(graph);
		this.collector = new RevisionCollector(this.resolver);
	}

	public RevisionGraph graph() {
		return this.graph;
	}

	/** The steps {@code upgrade target} runs from {@code rows}, oldest first. */
	public Plan upgrade(List<String> rows, Target target) {
		RevisionErrors errors = new RevisionErrors(UPGRADE_RANGE, null, null, target.text(), rows);
		return errors.run(() -> {
			List<Node> order = new ArrayList<>(this.collector
				.upgrade(List.of(target), RevisionCollector.From.rows(rows), CollectMode.UPGRADE)
				.newestFirst());
			Collections.reverse(order);
			return migrationPlan(rows, order, Direction.UP);
		});
	}

	/** The steps {@code downgrade target} runs from {@code rows}, newest first. */
	public Plan downgrade(List<String> rows, Target target) {
		RevisionErrors errors = new RevisionErrors(DOWNGRADE_RANGE, null, null, target.text(), rows);
		return errors.run(() -> migrationPlan(rows,
				this.collector.downgrade(rows, target, CollectMode.DOWNGRADE).newestFirst(), Direction.DOWN));
	}

	private Plan migrationPlan(List<String> rows, List<Node> order, Direction direction) {
		HeadMaintainer maintainer = new HeadMaintainer(this.graph, rows);
		List<PlanStep> steps = new ArrayList<>(order.size());
		List<String> before = maintainer.rows();
		for (Node node : order) {
			if (direction == Direction.UP) {
				maintainer.upgrade(node);
			}
			else {
				maintainer.downgrade(node);
			}
			List<String> after = maintainer.rows();
			steps.add(new MigrationStep(direction, node.revision, before, after));
			before = after;
		}
		return new Plan(rows, steps);
	}

	/**
	 * The steps {@code stamp targets} takes from {@code rows} (pass no rows for {@code --purge}). A target replaces
	 * the rows on its own lineage and leaves other lineages alone; {@code base} removes every row.
	 */
	public Plan stamp(List<String> rows, List<Target> targets) {
		RevisionErrors errors = new RevisionErrors(null, STAMP_MULTIPLE_HEADS, null, null, rows);
		return errors.run(() -> {
			List<Node> headRevisions = this.resolver.rows(rows);
			Set<Node> filtered = new LinkedHashSet<>();
			for (Target target : targets) {
				filtered.addAll(this.resolver.sharingLineageWith(headRevisions, target));
			}
			List<Node> destinations = new ArrayList<>(this.resolver.revisions(targets));
			requireApart(destinations);
			if (destinations.isEmpty()) {
				destinations.add(null);
			}
			HeadMaintainer maintainer = new HeadMaintainer(this.graph, rows);
			List<PlanStep> steps = new ArrayList<>();
			for (Node destination : destinations) {
				steps.addAll(stampSteps(maintainer, filtered, destination));
			}
			return new Plan(rows, steps);
		});
	}

	/** The steps to one stamp destination from the rows on its lineage ({@code filtered}). */
	private List<StampStep> stampSteps(HeadMaintainer maintainer, Set<Node> filtered, Node destination) {
		if (destination == null || destination == RevisionGraph.BASE) {
			List<StampStep> steps = new ArrayList<>();
			for (Node head : filtered) {
				steps.add(stampStep(maintainer, List.of(head.id()), List.of(), StampMove.REMOVE_BRANCH));
			}
			return steps;
		}
		if (filtered.contains(destination)) {
			return List.of();
		}
		Set<Node> descendants = new HashSet<>(this.graph.descendants(List.of(destination), Edges.WITH_DEPENDENCIES));
		Set<Node> ancestors = new HashSet<>(this.graph.ancestors(List.of(destination), Edges.WITH_DEPENDENCIES));
		List<String> above = filtered.stream().filter(descendants::contains).map(Node::id).toList();
		List<String> below = filtered.stream().filter(ancestors::contains).map(Node::id).toList();
		List<String> to = List.of(destination.id());
		if (!above.isEmpty()) {
			return List.of(stampStep(maintainer, above, to, StampMove.DOWN));
		}
		if (!below.isEmpty()) {
			return List.of(stampStep(maintainer, below, to, StampMove.UP));
		}
		return List.of(stampStep(maintainer, List.of(), to, StampMove.NEW_BRANCH));
	}

	/**
	 * Refuses stamp targets of which one is below another. Alembic writes both rows, which every later command then
	 * refuses as overlapping, and drops rows it meant to keep (from {@code [a2, b2]}, {@code stamp a1 b2} with b2 above
	 * a1 gives {@code [a1]}: the step to a1 replaces both rows, and b2, counted as there, is not written again).
	 */
	private void requireApart(List<Node> destinations) {
		for (Node upper : destinations) {
			if (upper == null || upper == RevisionGraph.BASE) {
				continue;
			}
			Set<Node> below = new HashSet<>(this.graph.ancestors(upper.normalizedDown, Edges.WITH_DEPENDENCIES));
			for (Node lower : destinations) {
				if (below.contains(lower)) {
					throw new RevisionError.OverlappingTargets(lower.id(), upper.id());
				}
			}
		}
	}

	private static StampStep stampStep(HeadMaintainer maintainer, List<String> from, List<String> to,
			StampMove move) {
		List<String> before = maintainer.rows();
		maintainer.stamp(from, to, move);
		return new StampStep(from, to, before, maintainer.rows());
	}

}
