package dev.migrations.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Names revisions by target with Alembic's exact rules ({@code RevisionMap.get_revisions} and friends): what
 * {@code head}, {@code heads}, {@code base}, an id or a prefix, a branch label and {@code label@...} resolve to, which
 * revisions share a lineage with a target, and where a relative step lands.
 */
final class TargetResolver {

	private final RevisionGraph graph;

	TargetResolver(RevisionGraph graph) {
		this.graph = graph;
	}

	RevisionGraph graph() {
		return this.graph;
	}

	/** A target split into the ids it names and its branch label (Alembic's {@code _resolve_revision_number}). */
	private record Resolved(List<String> ids, String branchLabel) {

		/** The branch label and the ids: what a revision must share a lineage with. */
		List<String> shares() {
			List<String> shares = new ArrayList<>();
			if (this.branchLabel != null && !this.branchLabel.isEmpty()) {
				shares.add(this.branchLabel);
			}
			shares.addAll(this.ids);
			return shares;
		}

	}

	private Resolved resolve(Target target) {
		if (target instanceof Target.Heads heads) {
			return (heads.branch() != null)
					? new Resolved(idsOnBranch(this.graph.heads(), heads.branch()), heads.branch())
					: new Resolved(this.graph.realHeads(), null);
		}
		if (target instanceof Target.Head head) {
			String current = currentHead(head.branch());
			return new Resolved((current != null) ? List.of(current) : List.of(), head.branch());
		}
		if (target instanceof Target.Base base) {
			return new Resolved(List.of(), base.branch());
		}
		if (target instanceof Target.Id id) {
			return new Resolved(List.of(id.id()), id.branch());
		}
		if (target instanceof Target.Relative relative) {
			return new Resolved(List.of(relative.identifier()), relative.branch());
		}
		// current and a range name no revision here: looked up, they fail as Alembic's unknown identifiers do.
		return new Resolved(List.of(target.text()), null);
	}

	/** The single head, optionally within a branch; {@code null} when there is none. */
	private String currentHead(String branchLabel) {
		List<String> current = this.graph.heads();
		if (branchLabel != null) {
			current = idsOnBranch(current, branchLabel);
		}
		if (current.size() > 1) {
			throw new RevisionError.MultipleHeads(current, (branchLabel != null) ? branchLabel + "@head" : "head");
		}
		return current.isEmpty() ? null : current.get(0);
	}

	/** Alembic's {@code get_revisions} for several targets: the results joined. */
	List<Node> revisions(List<Target> targets) {
		List<Node> out = new ArrayList<>();
		for (Target target : targets) {
			out.addAll(revisions(target));
		}
		return out;
	}

	/**
	 * Alembic's {@code get_revisions}: the nodes a target names ({@code heads} several, {@code base} none,
	 * {@code [label@]-N} a walk down from each head, {@code null} where it runs off the graph).
	 */
	List<Node> revisions(Target target) {
		if (target instanceof Target.Relative relative && relative.anchor() == null && relative.steps() < 0) {
			List<Node> out = new ArrayList<>();
			for (Node head : revisions(Target.HEADS)) {
				if (relative.branch() == null || head.branchLabels.contains(relative.branch())) {
					out.add(walk(head, relative.steps(), null, StepCount.EXACT));
				}
			}
			return out;
		}
		Resolved resolved = resolve(target);
		List<Node> out = new ArrayList<>();
		for (String id : resolved.ids) {
			out.add(revisionForIdent(id, resolved.branchLabel));
		}
		return out;
	}

	/** Alembic's {@code get_revision}: one node, {@code null} for base; several heads are an error. */
	Node revision(Target target) {
		Resolved resolved = resolve(target);
		if (resolved.ids.size() > 1) {
			throw new RevisionError.MultipleHeads(resolved.ids, target.text());
		}
		return resolved.ids.isEmpty() ? null : revisionForIdent(resolved.ids.get(0), resolved.branchLabel);
	}

	/** The nodes of version rows, each an id (or, as Alembic allows, a prefix or label). */
	List<Node> rows(Collection<String> rows) {
		List<Node> out = new ArrayList<>(rows.size());
		for (String row : rows) {
			out.add(revisionForIdent(row, null));
		}
		return out;
	}

	/** The revision a branch label (or a revision standing for its branch) names. */
	Node resolveBranch(String branchLabel) {
		Node node = this.graph.byKey(branchLabel);
		if (node != null) {
			return node;
		}
		try {
			return revisionForIdent(branchLabel, null);
		}
		catch (RevisionError.Resolution ex) {
			throw new RevisionError.Resolution("No such branch: '" + branchLabel + "'", branchLabel);
		}
	}

	/** An exact id or label first, then a unique prefix of the ids and labels longer than three characters. */
	Node revisionForIdent(String id, String checkBranch) {
		Node branch = (checkBranch != null && !checkBranch.isEmpty()) ? resolveBranch(checkBranch) : null;
		Node node = this.graph.byKey(id);
		if (node == null) {
			node = this.graph.byKey(uniquePrefixMatch(id, checkBranch, branch));
		}
		if (branch != null && !sharesLineage(node, List.of(branch), Edges.REVISIONS)) {
			throw new RevisionError.Resolution(
					"Revision " + node.id() + " is not a member of branch '" + checkBranch + "'", id);
		}
		return node;
	}

	private String uniquePrefixMatch(String id, String checkBranch, Node branch) {
		List<String> matches = new ArrayList<>();
		for (String key : this.graph.keys()) {
			if (key.length() > 3 && key.startsWith(id)) {
				matches.add(key);
			}
		}
		if (branch != null) {
			matches = idsOnBranch(matches, checkBranch);
		}
		if (matches.isEmpty()) {
			throw new RevisionError.Resolution("No such revision or branch '" + id + "'" + ((id.length() < 4)
					? "; please ensure at least four characters are present for partial revision identifier matches"
					: ""), id);
		}
		if (matches.size() > 1) {
			List<String> quoted = matches.subList(0, Math.min(3, matches.size()))
				.stream()
				.map((match) -> "'" + match + "'")
				.toList();
			throw new RevisionError.Resolution(
					"Multiple revisions start with '" + id + "': " + String.join(", ", quoted) + "...", id);
		}
		return matches.get(0);
	}

	/**
	 * Alembic's {@code get_all_current}: the branch heads of the given revisions plus their ancestors through
	 * dependencies, in load order; what {@code current} lists.
	 */
	List<Node> allCurrent(List<Node> currentRevisions) {
		Set<Node> top = new LinkedHashSet<>(currentRevisions);
		top.addAll(this.graph.ancestors(new ArrayList<>(top), Edges.WITH_DEPENDENCIES));
		List<Node> out = new ArrayList<>();
		for (Node rev : top) {
			boolean hasDescendantInSet = false;
			for (Node descendant : this.graph.descendants(List.of(rev), Edges.REVISIONS)) {
				if (descendant != rev && top.contains(descendant)) {
					hasDescendantInSet = true;
					break;
				}
			}
			if (!hasDescendantInSet) {
				out.add(rev);
			}
		}
		out.sort(Comparator.comparingInt((Node n) -> n.index));
		return out;
	}

	// ----- lineage ----------------------------------------------------------------------------------------

	/** The ids that share a lineage (an ancestor or descendant) with a branch label, through revisions alone. */
	List<String> idsOnBranch(Collection<String> ids, String branchLabel) {
		if (ids.isEmpty()) {
			return new ArrayList<>(ids);
		}
		List<Node> nodes = rows(ids);
		List<Node> kept = sharingLineage(nodes, List.of(branchLabel), Edges.REVISIONS);
		List<String> out = new ArrayList<>();
		int i = 0;
		for (String id : ids) {
			if (kept.contains(nodes.get(i++))) {
				out.add(id);
			}
		}
		return out;
	}

	/** The nodes that share a lineage with a branch label, through revisions alone. */
	List<Node> onBranch(Collection<Node> nodes, String branchLabel) {
		return sharingLineage(nodes, List.of(branchLabel), Edges.REVISIONS);
	}

	/** The nodes that share a lineage with what a target names ({@code stamp}), through dependencies too. */
	List<Node> sharingLineageWith(Collection<Node> nodes, Target target) {
		return sharingLineage(nodes, resolve(target).shares(), Edges.WITH_DEPENDENCIES);
	}

	private List<Node> sharingLineage(Collection<Node> nodes, List<String> shares, Edges edges) {
		if (shares.isEmpty()) {
			return new ArrayList<>(nodes);
		}
		List<Node> against = null;
		List<Node> out = new ArrayList<>();
		for (Node node : nodes) {
			if (against == null) {
				against = rows(shares);
			}
			if (sharesLineage(node, against, edges)) {
				out.add(node);
			}
		}
		return out;
	}

	private boolean sharesLineage(Node target, List<Node> against, Edges edges) {
		if (against.isEmpty()) {
			return true;
		}
		Set<Node> lineage = new HashSet<>(this.graph.descendants(List.of(target), edges));
		lineage.addAll(this.graph.ancestors(List.of(target), edges));
		for (Node node : against) {
			if (lineage.contains(node)) {
				return true;
			}
		}
		return false;
	}

	// ----- relative steps ---------------------------------------------------------------------------------

	/**
	 * Alembic's {@code _walk}: {@code steps} up (positive) or down (negative) from {@code start}. Going up from
	 * {@code null} starts at the bases; going down from {@code null} at the heads. A branch point going up or a
	 * merge point going down is "Ambiguous walk".
	 * @return the node reached; {@code null} when the walk runs off the graph and every step counts
	 */
	Node walk(Node start, int steps, String branchLabel, StepCount count) {
		Node current = start;
		for (int i = 0; i < Math.abs(steps); i++) {
			List<Node> children = (steps > 0) ? stepUp(current, branchLabel) : stepDown(current);
			if (children.isEmpty()) {
				return (count == StepCount.EXACT) ? null : current;
			}
			if (children.size() > 1) {
				throw new RevisionError("Ambiguous walk");
			}
			current = children.get(0);
		}
		return current;
	}

	private List<Node> stepUp(Node from, String branchLabel) {
		if (from == RevisionGraph.BASE) {
			throw new RevisionError("Relative revision walked up from base");
		}
		List<Node> up = (from == null) ? rows(this.graph.bases()) : new ArrayList<>(from.next);
		return (branchLabel != null && !branchLabel.isEmpty()) ? onBranch(up, branchLabel) : up;
	}

	private List<Node> stepDown(Node from) {
		if (from == RevisionGraph.BASE) {
			return List.of();
		}
		List<Node> down = (from == null) ? rows(this.graph.heads()) : new ArrayList<>(from.down);
		return down.isEmpty() ? List.of(RevisionGraph.BASE) : down;
	}

}
