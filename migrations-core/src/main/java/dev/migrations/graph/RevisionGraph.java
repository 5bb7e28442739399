package dev.migrations.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The immutable revision graph, built and validated once by {@link #of(List)}, and its walks: up and down,
 * through {@code Revises} alone or through dependencies too. Naming revisions by target is
 * {@link TargetResolver}'s job, choosing and ordering the revisions a command covers {@link RevisionCollector}'s
 * and {@link TopologicalOrder}'s; {@link Planner} turns these into plans. Knows nothing of databases.
 *
 * <p>Inside, a {@code null} node stands for Alembic's {@code None} (nothing, before every base) and
 * {@link #BASE} for the {@code "base"} a walk down past a root arrives at.
 */
public final class RevisionGraph {

	/** What a walk down past a root arrives at. */
	static final Node BASE = new Node(new Revision("base", List.of(), List.of(), List.of(), "", "base"), -1);

	private final Map<String, Node> nodes;

	private final Map<String, Node> keys;

	private final List<String> heads;

	private final List<String> realHeads;

	private final List<String> bases;

	RevisionGraph(Map<String, Node> nodes, Map<String, Node> keys) {
		this.nodes = nodes;
		this.keys = keys;
		this.heads = nodes.values().stream().filter(Node::isHead).map(Node::id).toList();
		this.realHeads = nodes.values().stream().filter(Node::isRealHead).map(Node::id).toList();
		this.bases = nodes.values().stream().filter(Node::isBase).map(Node::id).toList();
	}

	/**
	 * Builds the graph of revisions given in load order (file-name order), validating it.
	 * @throws GraphException naming the revisions and files when the graph is invalid
	 */
	public static RevisionGraph of(List<Revision> revisionsInLoadOrder) {
		return new GraphBuilder().build(revisionsInLoadOrder);
	}

	/** Every revision in load order. */
	public List<Revision> revisions() {
		return this.nodes.values().stream().map((node) -> node.revision).toList();
	}

	public Optional<Revision> find(String id) {
		return Optional.ofNullable(this.nodes.get(id)).map((node) -> node.revision);
	}

	public boolean contains(String id) {
		return this.nodes.containsKey(id);
	}

	/** Revisions nothing revises, in load order (some may be depended on: effective heads). */
	public List<String> heads() {
		return this.heads;
	}

	/** Revisions nothing revises or depends on, in load order: what {@code heads} resolves to. */
	public List<String> realHeads() {
		return this.realHeads;
	}

	public List<String> bases() {
		return this.bases;
	}

	public boolean isEmpty() {
		return this.nodes.isEmpty();
	}

	/** What a revision depends on, resolved to revision ids (a label to the revision it labels), as declared. */
	public List<String> dependencies(String id) {
		return node(id).resolvedDependencies;
	}

	/** The branch labels that apply to a revision: declared and propagated, as Alembic propagates them. */
	public List<String> branchLabels(String id) {
		return List.copyOf(node(id).branchLabels);
	}

	/** The revisions that revise this one directly, in load order. */
	public List<String> nextRevisions(String id) {
		return node(id).next.stream().map(Node::id).toList();
	}

	/** No revision revises or depends on it. */
	public boolean isHead(String id) {
		return node(id).isRealHead();
	}

	/** No revision revises it, but some revision depends on it. */
	public boolean isEffectiveHead(String id) {
		Node node = node(id);
		return node.isHead() && !node.isRealHead();
	}

	/** More than one revision revises it. */
	public boolean isBranchPoint(String id) {
		return node(id).isBranchPoint();
	}

	/** It revises more than one revision. */
	public boolean isMergePoint(String id) {
		return node(id).isMergePoint();
	}

	Node node(String id) {
		Node node = this.nodes.get(id);
		if (node == null) {
			throw new RevisionError.Resolution("No such revision or branch '" + id + "'", id);
		}
		return node;
	}

	/** The node a revision id or branch label names exactly; {@code null} for none. */
	Node byKey(String key) {
		return this.keys.get(key);
	}

	/** Revision ids, then branch labels, in Alembic's order: what a prefix is matched against. */
	Collection<String> keys() {
		return this.keys.keySet();
	}

	/** The nodes that revise nothing, in load order. */
	List<Node> baseNodes() {
		return this.nodes.values().stream().filter(Node::isBase).toList();
	}

	int indexOf(String id) {
		Node node = this.nodes.get(id);
		return (node != null) ? node.index : -1;
	}

	// ----- walks -------------------------------------------------------------------------------------------

	/** The targets and everything below them, depth first. */
	List<Node> ancestors(Collection<Node> targets, Edges edges) {
		return related(targets, (edges == Edges.WITH_DEPENDENCIES) ? (n) -> n.normalizedDown : (n) -> n.down,
				Overlaps.ALLOWED);
	}

	/** The targets and everything above them, depth first. */
	List<Node> descendants(Collection<Node> targets, Edges edges) {
		return related(targets, (edges == Edges.WITH_DEPENDENCIES) ? (n) -> n.allNext : (n) -> n.next,
				Overlaps.ALLOWED);
	}

	/** Whether a walk from several targets may reach one target from another. */
	enum Overlaps {

		ALLOWED,

		/** A target reached from another is an error: one implies the other. */
		REFUSED

	}

	/**
	 * Alembic's {@code _iterate_related_revisions}: a depth-first walk from each target, each node once.
	 */
	List<Node> related(Collection<Node> targets, Function<Node, List<Node>> next, Overlaps overlaps) {
		List<Node> out = new ArrayList<>();
		Set<Node> seen = new HashSet<>();
		Deque<Node> todo = new ArrayDeque<>();
		for (Node target : targets) {
			requireRevision(target);
			todo.push(target);
			Set<Node> perTarget = (overlaps == Overlaps.REFUSED) ? new LinkedHashSet<>() : null;
			while (!todo.isEmpty()) {
				Node node = todo.pop();
				if (perTarget != null) {
					perTarget.add(node);
				}
				if (!seen.add(node)) {
					continue;
				}
				for (Node child : next.apply(node)) {
					todo.push(child);
				}
				out.add(node);
			}
			if (perTarget != null) {
				refuseOverlaps(target, perTarget, targets);
			}
		}
		return out;
	}

	private void refuseOverlaps(Node target, Set<Node> reached, Collection<Node> targets) {
		List<String> overlaps = reached.stream()
			.filter((node) -> node != target && targets.contains(node))
			.map(Node::id)
			.toList();
		if (!overlaps.isEmpty()) {
			throw new RevisionError.Overlap(target.id(), overlaps, targets.stream().map(Node::id).distinct().toList(),
					withoutAncestorsOfOthers(targets));
		}
	}

	/** The revisions that are not below another of them (through dependencies too), in the order given. */
	List<String> withoutAncestorsOfOthers(Collection<Node> revisions) {
		List<Node> parents = new ArrayList<>();
		revisions.forEach((node) -> parents.addAll(node.normalizedDown));
		Set<Node> below = new HashSet<>(ancestors(parents, Edges.WITH_DEPENDENCIES));
		return revisions.stream().filter((node) -> !below.contains(node)).map(Node::id).distinct().toList();
	}

	/** Whether each revision is one of the rows or below one, through dependencies too; indexed by load order. */
	boolean[] appliedByIndex(Collection<Node> rows) {
		boolean[] applied = new boolean[this.nodes.size()];
		Deque<Node> todo = new ArrayDeque<>(rows);
		todo.forEach((node) -> applied[node.index] = true);
		while (!todo.isEmpty()) {
			for (Node parent : todo.pop().normalizedDown) {
				if (!applied[parent.index]) {
					applied[parent.index] = true;
					todo.push(parent);
				}
			}
		}
		return applied;
	}

	/** A node a listing asked for by name: walking off the graph is an error there. */
	static Node requireNamed(Node node, String identifier) {
		if (node == null || node == BASE) {
			throw new RevisionError.Resolution("'" + identifier + "' names no revision", identifier);
		}
		return node;
	}

	/** A node a walk or a plan starts from: not nothing, not base. */
	static Node requireRevision(Node node) {
		if (node == null || node == BASE) {
			throw new RevisionError("Relative revision walked past base: nothing to apply there");
		}
		return node;
	}

}
