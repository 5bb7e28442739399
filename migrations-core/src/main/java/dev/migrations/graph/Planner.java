package dev.migrations.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import dev.migrations.report.RevisionView;

/**
 * Alembic's commands on the graph alone: what {@code upgrade}, {@code downgrade} and {@code stamp} run from given
 * version rows, with the rows after each step, and what {@code history}, {@code heads}, {@code branches},
 * {@code current} and {@code show} list. Errors come out as {@link GraphException}s worded for the command.
 */
public final class Planner {

	private static final String UPGRADE_RANGE = "Destination %(end)s is not a valid upgrade target from current head(s)";

	private static final String DOWNGRADE_RANGE = "Destination %(end)s is not a valid downgrade target from current head(s)";

	private static final String STAMP_MULTIPLE_HEADS = "Multiple heads are present; please specify a single target revision";

	private final RevisionGraph graph;

	public Planner(RevisionGraph graph) {
		this.graph = graph;
	}

	public RevisionGraph graph() {
		return this.graph;
	}

	/** The steps {@code upgrade target} runs from {@code rows}, oldest first. */
	public Plan upgrade(List<String> rows, String target) {
		RevisionErrors errors = new RevisionErrors(UPGRADE_RANGE, null, null, target, rows);
		return errors.run(() -> {
			RevisionGraph.Collected collected = this.graph.collectUpgrade(List.of(target), rows, null, false, true,
					true);
			List<Node> order = new ArrayList<>(this.graph.topologicalSort(collected.revisions(), collected.heads()));
			Collections.reverse(order);
			return migrationPlan(rows, order, Direction.UP);
		});
	}

	/** The steps {@code downgrade target} runs from {@code rows}, newest first. */
	public Plan downgrade(List<String> rows, String target) {
		RevisionErrors errors = new RevisionErrors(DOWNGRADE_RANGE, null, null, target, rows);
		return errors.run(() -> {
			RevisionGraph.Collected collected = this.graph.collectDowngrade(rows, target, false, false, true);
			List<Node> order = this.graph.topologicalSort(collected.revisions(), collected.heads());
			return migrationPlan(rows, order, Direction.DOWN);
		});
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
	public Plan stamp(List<String> rows, List<String> targets) {
		RevisionErrors errors = new RevisionErrors(null, STAMP_MULTIPLE_HEADS, null, null, rows);
		return errors.run(() -> {
			List<Node> headRevisions = this.graph.revisions(rows);
			Set<Node> filtered = new LinkedHashSet<>();
			for (String target : targets) {
				if (target != null && !target.isEmpty()) {
					filtered.addAll(this.graph.filterNodesForLineage(headRevisions, target, true));
				}
			}
			List<Node> destinations = new ArrayList<>(this.graph.revisions(targets));
			requireApart(destinations);
			if (destinations.isEmpty()) {
				destinations.add(null);
			}
			HeadMaintainer maintainer = new HeadMaintainer(this.graph, rows);
			List<PlanStep> steps = new ArrayList<>();
			for (Node destination : destinations) {
				if (destination == null || destination == RevisionGraph.BASE) {
					for (Node head : filtered) {
						steps.add(stampStep(maintainer, List.of(head.id()), List.of(), false, true));
					}
					continue;
				}
				if (filtered.contains(destination)) {
					continue;
				}
				Set<Node> descendants = new HashSet<>(this.graph.descendants(List.of(destination), true));
				Set<Node> ancestors = new HashSet<>(this.graph.ancestors(List.of(destination), true));
				List<String> above = filtered.stream().filter(descendants::contains).map(Node::id).toList();
				List<String> below = filtered.stream().filter(ancestors::contains).map(Node::id).toList();
				if (!above.isEmpty()) {
					steps.add(stampStep(maintainer, above, List.of(destination.id()), false, false));
				}
				else if (!below.isEmpty()) {
					steps.add(stampStep(maintainer, below, List.of(destination.id()), true, false));
				}
				else {
					steps.add(stampStep(maintainer, List.of(), List.of(destination.id()), true, true));
				}
			}
			return new Plan(rows, steps);
		});
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
			Set<Node> below = new HashSet<>(this.graph.ancestors(upper.normalizedDown, true));
			for (Node lower : destinations) {
				if (below.contains(lower)) {
					throw new RevisionError.OverlappingTargets(lower.id(), upper.id());
				}
			}
		}
	}

	private static StampStep stampStep(HeadMaintainer maintainer, List<String> from, List<String> to, boolean upgrade,
			boolean branchMove) {
		List<String> before = maintainer.rows();
		maintainer.stamp(from, to, upgrade, branchMove);
		return new StampStep(from, to, before, maintainer.rows());
	}

	/**
	 * The revisions of {@code history -r base:head}, newest first, both ends included. Either end may be
	 * {@code current}, which stands for {@code rows}.
	 * @param base the lower end; {@code null} or empty for {@code base}
	 * @param head the upper end; {@code null} or empty for {@code heads}
	 * @param rows the database's version rows, needed only when an end is {@code current}
	 */
	public List<Revision> history(String base, String head, List<String> rows) {
		String lowerText = (base == null || base.isEmpty()) ? "base" : base;
		String upperText = (head == null || head.isEmpty()) ? "heads" : head;
		RevisionErrors errors = new RevisionErrors(null, null, lowerText, upperText, rows);
		return errors.run(() -> {
			List<String> upper = "current".equals(upperText) ? (rows.isEmpty() ? List.of("heads") : rows)
					: List.of(upperText);
			boolean currentBase = "current".equals(lowerText) && !rows.isEmpty();
			List<String> lower = currentBase ? rows : List.of("current".equals(lowerText) ? "base" : lowerText);
			RevisionGraph.Collected collected = this.graph.collectUpgrade(upper, lower,
					currentBase ? null : lower.get(0), true, false, false);
			return this.graph.topologicalSort(collected.revisions(), collected.heads())
				.stream()
				.map((node) -> node.revision)
				.toList();
		});
	}

	/** What {@code current} lists for {@code rows}: the branch heads of the rows and what they depend on. */
	public List<RevisionView> current(List<String> rows) {
		return RevisionErrors.DEFAULT.run(() -> views(this.graph.allCurrent(rows).stream().map(Node::id).toList(),
				List.of()));
	}

	/** {@code history -r range}, newest first; with {@code indicateCurrent} the rows are marked current. */
	public List<RevisionView> history(HistoryRange range, List<String> rows, boolean indicateCurrent) {
		List<String> ids = history(range.start(), range.end(), rows).stream().map(Revision::id).toList();
		return views(ids, indicateCurrent ? rows : List.of());
	}

	/** The revisions an identifier names ({@code show}); {@code current} names the rows. */
	public List<RevisionView> show(String identifier, List<String> rows) {
		if ("current".equals(identifier)) {
			return views(RevisionErrors.DEFAULT.run(() -> this.graph.revisions(rows).stream().map(Node::id).toList()),
					rows);
		}
		return RevisionErrors.DEFAULT.run(() -> views(this.graph.revisions(identifier)
			.stream()
			.map((node) -> RevisionGraph.requireNamed(node, identifier).id())
			.toList(), List.of()));
	}

	/** Heads in load order; with {@code resolveDependencies}, only those nothing depends on. */
	public List<RevisionView> heads(boolean resolveDependencies) {
		return views(resolveDependencies ? this.graph.realHeads() : this.graph.heads(), List.of());
	}

	/** Branch points in history order (newest first). */
	public List<RevisionView> branches() {
		return views(history(null, null, List.of()).stream()
			.map(Revision::id)
			.filter(this.graph::isBranchPoint)
			.toList(), List.of());
	}

	private List<RevisionView> views(List<String> ids, List<String> current) {
		return ids.stream().map((id) -> view(id, current.contains(id))).toList();
	}

	/** The revisions the rows imply applied: the rows and all their ancestors, through dependencies too. */
	public Set<String> applied(List<String> rows) {
		Predicate<String> isApplied = isApplied(rows);
		Set<String> applied = new LinkedHashSet<>();
		this.graph.revisions().stream().map(Revision::id).filter(isApplied).forEach(applied::add);
		return applied;
	}

	/** Whether a revision is applied when the database holds {@code rows}: one of them or below one. */
	public Predicate<String> isApplied(List<String> rows) {
		boolean[] applied = RevisionErrors.DEFAULT.run(() -> this.graph.appliedByIndex(rows));
		return (id) -> {
			int index = this.graph.indexOf(id);
			return index >= 0 && applied[index];
		};
	}

	/** The first row that names no revision, if any: such a database has no position the graph knows. */
	public java.util.Optional<String> unknownRow(List<String> rows) {
		return rows.stream().filter((row) -> !this.graph.contains(row)).findFirst();
	}

	/** A revision as the listing commands show it. */
	public RevisionView view(String id, boolean current) {
		Node node = this.graph.node(id);
		List<String> nextRevisions = node.next.stream().map(Node::id).toList();
		return new RevisionView(node.revision, List.copyOf(node.branchLabels), nextRevisions, node.isRealHead(),
				node.isHead() && !node.isRealHead(), node.isBranchPoint(), node.isMergePoint(), current,
				node.revision.source(), null);
	}

}
