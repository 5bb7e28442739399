package dev.migrations.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

import dev.migrations.error.ErrorKind;

/**
 * Builds and validates a {@link RevisionGraph} once, as Alembic's revision map does, but failing with one clear
 * error where Alembic only warns or crashes: duplicate ids, illegal characters, self-references, branch labels used
 * twice, {@code Depends On} or {@code Revises} naming nothing, and cycles.
 */
final class GraphBuilder {

	private static final String ILLEGAL_ID_CHARACTERS = "@-+:";

	private final Map<String, Node> nodes = new LinkedHashMap<>();

	/** Revision ids, then branch labels: the keys every lookup searches, in Alembic's order. */
	private final Map<String, Node> keys = new LinkedHashMap<>();

	/** The nodes whose revisions declare branch labels, in load order: usually a few of many. */
	private final List<Node> labelled = new ArrayList<>();

	/** The nodes whose revisions declare dependencies, in load order: usually a few of many. */
	private final List<Node> dependent = new ArrayList<>();

	RevisionGraph build(List<Revision> revisions) {
		int index = 0;
		for (Revision revision : revisions) {
			checkIdentifier(revision);
			Node previous = this.nodes.get(revision.id());
			if (previous != null) {
				throw new GraphException(ErrorKind.GRAPH,
						"Revision " + revision.id() + " is present more than once: in " + previous.revision.source()
								+ " and in " + revision.source(),
						"Give one of them a new 'Revision ID' (and update what revises it), or delete the copy");
			}
			Node node = new Node(revision, index++);
			this.nodes.put(revision.id(), node);
			if (!revision.branchLabels().isEmpty()) {
				this.labelled.add(node);
			}
			if (!revision.dependsOn().isEmpty()) {
				this.dependent.add(node);
			}
		}
		this.keys.putAll(this.nodes);
		mapBranchLabels();
		resolveDependencies();
		linkDownRevisions();
		normalizeDependencies();
		detectCycles();
		orderTopologically();
		propagateBranchLabels();
		return new RevisionGraph(this.nodes, this.keys);
	}

	private static void checkIdentifier(Revision revision) {
		String id = revision.id();
		if (id.isBlank() || hasIllegalCharacter(id)) {
			Set<Character> illegal = new TreeSet<>();
			id.chars().filter((c) -> ILLEGAL_ID_CHARACTERS.indexOf(c) >= 0).forEach((c) -> illegal.add((char) c));
			throw new GraphException(ErrorKind.GRAPH,
					"Revision identifier '" + id + "' in " + revision.source() + " is not allowed"
							+ (illegal.isEmpty() ? ": it is empty" : ": it contains " + illegal),
					"Use letters, digits and '_' in 'Revision ID' (the characters @ - + : have meanings in targets)");
		}
		if (revision.downRevisions().contains(id)) {
			throw new GraphException(ErrorKind.GRAPH,
					"Self-loop is detected in revisions (" + id + "): " + revision.source() + " revises itself",
					"Set 'Revises' to the revision this one follows");
		}
		if (revision.dependsOn().contains(id)) {
			throw new GraphException(ErrorKind.GRAPH,
					"Dependency self-loop is detected in revisions (" + id + "): " + revision.source()
							+ " depends on itself",
					"Remove '" + id + "' from 'Depends On'");
		}
	}

	private static boolean hasIllegalCharacter(String id) {
		for (int i = 0; i < id.length(); i++) {
			if (ILLEGAL_ID_CHARACTERS.indexOf(id.charAt(i)) >= 0) {
				return true;
			}
		}
		return false;
	}

	private void mapBranchLabels() {
		for (Node node : this.labelled) {
			for (String label : node.revision.branchLabels()) {
				Node owner = this.keys.get(label);
				if (owner != null) {
					throw new GraphException(ErrorKind.GRAPH,
							"Branch name '" + label + "' in revision " + node.id() + " (" + node.revision.source()
									+ ") already used by revision " + owner.id() + " (" + owner.revision.source() + ")",
							"Branch labels must be unique and must not equal a revision id: rename one of them");
				}
				this.keys.put(label, node);
			}
		}
	}

	private void resolveDependencies() {
		for (Node node : this.dependent) {
			List<String> resolved = new ArrayList<>();
			for (String dependency : node.revision.dependsOn()) {
				Node target = this.keys.get(dependency);
				if (target == null) {
					throw new GraphException(ErrorKind.GRAPH,
							"Revision " + node.id() + " (" + node.revision.source() + ") depends on '" + dependency
									+ "', which is neither a revision id nor a branch label",
							"Fix 'Depends On' to name an existing revision id or branch label (partial ids are not allowed there)");
				}
				resolved.add(target.id());
			}
			node.resolvedDependencies = List.copyOf(resolved);
		}
	}

	private void linkDownRevisions() {
		for (Node node : this.nodes.values()) {
			List<Node> down = new ArrayList<>(node.downRevisions().size());
			for (String id : node.downRevisions()) {
				Node parent = this.nodes.get(id);
				if (parent == null) {
					throw new GraphException(ErrorKind.GRAPH,
							"Revision " + id + " referenced from " + node.id() + " (" + node.revision.source()
									+ ") is not present",
							"Restore the script of " + id + ", or fix 'Revises' in " + node.revision.source());
				}
				down.add(parent);
			}
			node.down = down;
			node.allDown = node.resolvedDependencies.isEmpty() ? down
					: Node.union(down, nodesOf(node.resolvedDependencies));
			node.normalizedDown = down; // the dependencies, once normalized, may add to it
			for (Node parent : node.allDown) {
				if (down.contains(parent)) {
					parent.addRevisedBy(node);
				}
				else {
					parent.addDependent(node);
				}
			}
		}
	}

	private List<Node> nodesOf(List<String> ids) {
		List<Node> nodes = new ArrayList<>(ids.size());
		for (String id : ids) {
			nodes.add(this.nodes.get(id));
		}
		return nodes;
	}

	/** Drops the dependencies that an ancestor through down revisions already declares. */
	private void normalizeDependencies() {
		for (Node node : this.dependent) {
			Set<String> normalized = new LinkedHashSet<>(node.resolvedDependencies);
			for (Node ancestor : related(List.of(node), (n) -> n.down)) {
				if (ancestor != node) {
					normalized.removeAll(ancestor.resolvedDependencies);
				}
			}
			node.normalizedDependencies = List.copyOf(normalized);
			node.normalizedDown = Node.union(node.down, nodesOf(node.normalizedDependencies));
		}
	}

	private void detectCycles() {
		if (this.nodes.isEmpty()) {
			return;
		}
		checkCovered(Cycle.REVISIONS);
		checkCovered(Cycle.DEPENDENCIES);
	}

	/** The two kinds of cycle: through {@code Revises} alone, and through {@code Depends On} too. */
	private enum Cycle {

		REVISIONS("Cycle", Node::isHead, Node::isBase, (n) -> n.down, (n) -> n.next),

		DEPENDENCIES("Dependency cycle", Node::isRealHead, Node::isRealBase, (n) -> n.allDown, (n) -> n.allNext);

		private final String kind;

		private final Predicate<Node> head;

		private final Predicate<Node> base;

		private final Function<Node, List<Node>> down;

		private final Function<Node, List<Node>> up;

		Cycle(String kind, Predicate<Node> head, Predicate<Node> base, Function<Node, List<Node>> down,
				Function<Node, List<Node>> up) {
			this.kind = kind;
			this.head = head;
			this.base = base;
			this.down = down;
			this.up = up;
		}

	}

	/** Every revision must lie on a path from a base to a head; the ones that do not are on a cycle. */
	private void checkCovered(Cycle cycle) {
		String kind = cycle.kind;
		boolean[] belowHeads = reached(this.nodes.values().stream().filter(cycle.head).toList(), cycle.down);
		boolean[] aboveBases = reached(this.nodes.values().stream().filter(cycle.base).toList(), cycle.up);
		Set<String> onCycle = new TreeSet<>();
		for (Node node : this.nodes.values()) {
			if (!belowHeads[node.index] || !aboveBases[node.index]) {
				onCycle.add(node.id());
			}
		}
		if (!onCycle.isEmpty()) {
			List<String> described = onCycle.stream()
				.map((id) -> id + " (" + this.nodes.get(id).revision.source() + ")")
				.toList();
			throw new GraphException(ErrorKind.GRAPH,
					kind + " is detected in revisions (" + String.join(", ", onCycle) + "): "
							+ String.join(", ", described),
					"Break the cycle: fix 'Revises'" + (kind.startsWith("Dependency") ? " or 'Depends On'" : "")
							+ " in one of these scripts");
		}
	}

	/** Numbers the nodes so that each comes after everything it revises or depends on (Kahn's algorithm). */
	private void orderTopologically() {
		int[] waiting = new int[this.nodes.size()];
		Deque<Node> ready = new ArrayDeque<>();
		for (Node node : this.nodes.values()) {
			waiting[node.index] = node.normalizedDown.size();
			if (waiting[node.index] == 0) {
				ready.add(node);
			}
		}
		int depth = 0;
		while (!ready.isEmpty()) {
			Node node = ready.poll();
			node.depth = depth++;
			for (Node next : node.allNext) {
				if (next.normalizedDown.contains(node) && --waiting[next.index] == 0) {
					ready.add(next);
				}
			}
		}
	}

	/**
	 * Labels apply to every descendant of the labelled revision, and down from the last descendant reached to the
	 * first branch point or merge point, exactly as Alembic propagates them.
	 */
	private void propagateBranchLabels() {
		for (Node node : this.labelled) {
			List<String> labels = List.copyOf(node.branchLabels);
			Node last = null;
			for (Node descendant : related(List.of(node), (n) -> n.next)) {
				descendant.addBranchLabels(labels);
				last = descendant;
			}
			Node parent = last;
			while (parent != null && !parent.isRealBranchPoint() && !parent.isMergePoint()) {
				parent.addBranchLabels(labels);
				parent = parent.down.isEmpty() ? null : parent.down.get(0);
			}
		}
	}

	/** Depth-first walk in Alembic's order (a stack, children pushed in order), each node once. */
	private static List<Node> related(List<Node> targets, Function<Node, List<Node>> next) {
		List<Node> out = new ArrayList<>();
		Set<Node> seen = new HashSet<>();
		Deque<Node> todo = new ArrayDeque<>();
		for (Node target : targets) {
			todo.push(target);
			while (!todo.isEmpty()) {
				Node node = todo.pop();
				if (!seen.add(node)) {
					continue;
				}
				for (Node child : next.apply(node)) {
					todo.push(child);
				}
				out.add(node);
			}
		}
		return out;
	}

	/** The nodes reachable from the starts, marked by load index. */
	private boolean[] reached(List<Node> starts, Function<Node, List<Node>> next) {
		boolean[] reached = new boolean[this.nodes.size()];
		Deque<Node> todo = new ArrayDeque<>(starts);
		starts.forEach((start) -> reached[start.index] = true);
		while (!todo.isEmpty()) {
			for (Node node : next.apply(todo.pop())) {
				if (!reached[node.index]) {
					reached[node.index] = true;
					todo.push(node);
				}
			}
		}
		return reached;
	}

}
