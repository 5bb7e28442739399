package dev.migrations.graph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.migrations.graph.RevisionGraph.Overlaps;

/**
 * Which revisions a command covers between two ends: Alembic's {@code _collect_upgrade_revisions} and
 * {@code _collect_downgrade_revisions}, ordered by {@link TopologicalOrder}.
 */
final class RevisionCollector {

	private final RevisionGraph graph;

	private final TargetResolver resolver;

	private final Destinations destinations;

	RevisionCollector(TargetResolver resolver) {
		this.graph = resolver.graph();
		this.resolver = resolver;
		this.destinations = new Destinations(resolver);
	}

	/** The revisions to run and the heads the topological sort starts from. */
	record Collected(Set<Node> revisions, List<Node> heads) {

		/** The revisions newest first. */
		List<Node> newestFirst() {
			return TopologicalOrder.of(this.revisions, this.heads);
		}

	}

	/**
	 * The lower end of an upgrade or a history range: the version rows, or an end the user typed.
	 * @param current the revisions the lower end stands for
	 * @param typed the end as typed; {@code null} for version rows
	 */
	record From(List<Target> current, Target typed) {

		static From rows(List<String> rows) {
			return new From(rows.stream().map((row) -> (Target) new Target.Id(null, row)).toList(), null);
		}

		static From typed(Target end) {
			return new From(List.of(end), end);
		}

		String text() {
			return texts(this.current);
		}

	}

	/** Alembic's {@code _collect_downgrade_revisions}: what to remove to get from the rows down to {@code lower}. */
	Collected downgrade(List<String> rows, Target lower, CollectMode mode) {
		List<Target> upper = From.rows(rows).current();
		Destinations.DowngradeTarget parsed = this.destinations.downgradeTarget(upper, lower, mode.steps());
		Node target = (parsed.target() == RevisionGraph.BASE) ? null : parsed.target();
		List<Node> roots = downgradeRoots(target, parsed.branchLabel(), mode);
		List<Node> heads = this.resolver.revisions(upper);
		Set<Node> downgrade = new LinkedHashSet<>(this.graph.descendants(roots, Edges.WITH_DEPENDENCIES));
		Set<Node> active = new HashSet<>(this.graph.ancestors(heads, Edges.WITH_DEPENDENCIES));
		downgrade.retainAll(active);
		if (mode.implicitBase()) {
			Set<Node> rootAncestors = new HashSet<>(this.graph.ancestors(roots, Edges.WITH_DEPENDENCIES));
			for (Node node : active) {
				if (!rootAncestors.contains(node)) {
					downgrade.add(node);
				}
			}
		}
		if (target != null && downgrade.isEmpty() && !heads.contains(target)) {
			throw new RevisionError.RangeNotAncestor("Nothing to drop", rows.isEmpty() ? null : String.join(", ", rows));
		}
		return new Collected(downgrade, heads);
	}

	/** The lowest revisions a downgrade removes: above the target, on its branch when one was named. */
	private List<Node> downgradeRoots(Node target, String branchLabel, CollectMode mode) {
		List<Node> roots;
		if (target == null) {
			roots = this.graph.baseNodes();
		}
		else if (mode.inclusive()) {
			roots = List.of(target);
		}
		else {
			roots = new ArrayList<>(target.next);
		}
		if (branchLabel == null || roots.size() <= 1) {
			return roots;
		}
		Set<Node> onBranch = new HashSet<>(
				this.graph.ancestors(List.of(this.resolver.resolveBranch(branchLabel)), Edges.REVISIONS));
		List<Node> filtered = roots.stream().filter(onBranch::contains).toList();
		if (filtered.isEmpty()) {
			throw new RevisionError("Not a valid downgrade target from current heads");
		}
		return filtered;
	}

	/**
	 * Alembic's {@code _collect_upgrade_revisions}: what to run to get from {@code lower} (the current revisions)
	 * up to {@code upper}.
	 */
	Collected upgrade(List<Target> upper, From lower, CollectMode mode) {
		List<Node> targets = this.destinations.upgradeTargets(lower.current(), upper, mode.steps());
		targets.forEach(RevisionGraph::requireRevision);
		if (lower.typed() != null && lower.typed().branch() != null) {
			String label = branchLabelOf(lower.typed().branch());
			targets = targets.stream().filter((need) -> need.branchLabels.contains(label)).toList();
		}
		if (lower.typed() == null && !targets.isEmpty() && new HashSet<>(ids(lower.current()))
			.equals(targets.stream().map(Node::id).collect(Collectors.toSet()))) {
			// Already there: the rows are the targets (which never overlap), so nothing is needed.
			return new Collected(Set.of(), targets);
		}
		Set<Node> required = new LinkedHashSet<>(this.graph.related(targets, (n) -> n.normalizedDown, Overlaps.REFUSED));
		required.addAll(targets);
		List<Node> current = this.resolver.revisions(lower.current());
		if (!mode.implicitBase()) {
			for (Node rev : current) {
				if (rev != null && !required.contains(rev)) {
					throw new RevisionError.RangeNotAncestor(lower.text(), texts(upper));
				}
			}
		}
		List<Target> inclusiveEnd = lower.current();
		if (!current.isEmpty() && current.get(0) == null) {
			// A relative lower end walked off the graph: where it stops, as a downgrade target, is the lower end.
			Destinations.DowngradeTarget parsed = this.destinations.downgradeTarget(upper, lower.typed(),
					mode.steps());
			boolean base = parsed.target() == RevisionGraph.BASE || parsed.target() == null;
			current = base ? List.of() : List.of(parsed.target());
			inclusiveEnd = base ? lower.current() : List.of(new Target.Id(null, parsed.target().id()));
		}
		Set<Node> needs = new LinkedHashSet<>(required);
		needs.removeAll(withAncestors(current));
		if (mode.inclusive()) {
			for (Node rev : this.resolver.revisions(inclusiveEnd)) {
				needs.add(RevisionGraph.requireRevision(rev));
			}
		}
		if (!current.isEmpty() && !mode.implicitBase()) {
			needs.retainAll(new HashSet<>(this.graph.related(current, (n) -> n.next, Overlaps.REFUSED)));
		}
		return new Collected(needs, targets);
	}

	private Set<Node> withAncestors(List<Node> current) {
		Set<Node> currentSet = new HashSet<>(this.graph.related(current, (n) -> n.normalizedDown, Overlaps.REFUSED));
		currentSet.addAll(current);
		return currentSet;
	}

	/** The branch label a lower end names: the label itself, or the one label of a revision named by id. */
	private String branchLabelOf(String branch) {
		Node branchRev = this.resolver.revisionForIdent(branch, null);
		if (!branchRev.id().equals(branch)) {
			return branch;
		}
		if (branchRev.branchLabels.size() != 1) {
			throw new RevisionError("Revision " + branch + " carries " + branchRev.branchLabels.size()
					+ " branch labels; name the branch by its label");
		}
		return branchRev.branchLabels.iterator().next();
	}

	private static List<String> ids(List<Target> targets) {
		return targets.stream().map(Target::text).toList();
	}

	private static String texts(List<Target> targets) {
		return String.join(", ", ids(targets));
	}

}
