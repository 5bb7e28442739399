package dev.migrations.graph;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A revision inside a built {@link RevisionGraph}: its header plus the edges and labels the graph computes.
 * Mutable only while {@link GraphBuilder} builds the graph.
 *
 * <p>
 * The builder links the edges as nodes once, and every walk follows those rather than looking ids up: in a graph
 * of thousands, freshly loaded, each lookup would touch id strings scattered in memory among the scripts they
 * were read from. For the same reason a node keeps its id and whether it is a base, which scans of every node
 * ask, instead of reaching into its revision each time.
 */
final class Node {

	final Revision revision;

	private final String id;

	private final boolean base;

	private final boolean realBase;

	/** Position in load order (file-name order): the tie-breaker wherever the graph leaves an order open. */
	final int index;

	/** Position in a topological order of the graph: every down revision and dependency comes before. */
	int depth;

	/** Dependencies resolved to revision ids (labels resolve to the labelled revision). */
	List<String> resolvedDependencies = List.of();

	/** Resolved dependencies minus those an ancestor (through down revisions) already declares. */
	List<String> normalizedDependencies = List.of();

	/** The revisions this one revises, as {@link #downRevisions()} names them. */
	List<Node> down = List.of();

	/** Down revisions plus resolved dependencies, without repeats. */
	List<Node> allDown = List.of();

	/** Down revisions plus normalized dependencies, without repeats: the edges every walk follows. */
	List<Node> normalizedDown = List.of();

	/** Revisions that revise this one, without repeats: most nodes have one, so a list. */
	final List<Node> next = new ArrayList<>(1);

	/** Revisions that revise or depend on this one, without repeats. */
	final List<Node> allNext = new ArrayList<>(1);

	/** Declared and propagated branch labels; the empty set, allocated only for a node with labels. */
	Set<String> branchLabels;

	Node(Revision revision, int index) {
		this.revision = revision;
		this.index = index;
		this.id = revision.id();
		this.base = revision.downRevisions().isEmpty();
		this.realBase = this.base && revision.dependsOn().isEmpty();
		this.branchLabels = revision.branchLabels().isEmpty() ? Set.of()
				: new LinkedHashSet<>(revision.branchLabels());
	}

	void addBranchLabels(List<String> labels) {
		if (!this.branchLabels.containsAll(labels)) {
			Set<String> all = new LinkedHashSet<>(this.branchLabels);
			all.addAll(labels);
			this.branchLabels = all;
		}
	}

	/** Records a revision that revises this one. */
	void addRevisedBy(Node node) {
		addDependent(node);
		if (!this.next.contains(node)) {
			this.next.add(node);
		}
	}

	/** Records a revision that depends on this one (or revises it: see {@link #addRevisedBy}). */
	void addDependent(Node node) {
		if (!this.allNext.contains(node)) {
			this.allNext.add(node);
		}
	}

	String id() {
		return this.id;
	}

	List<String> downRevisions() {
		return this.revision.downRevisions();
	}

	/** The ids of {@link #normalizedDown}. */
	List<String> normalizedDownRevisions() {
		return union(this.revision.downRevisions(), this.normalizedDependencies);
	}

	/** No revision revises this one (something may still depend on it). */
	boolean isHead() {
		return this.next.isEmpty();
	}

	/** No revision revises or depends on this one. */
	boolean isRealHead() {
		return this.allNext.isEmpty();
	}

	boolean isBase() {
		return this.base;
	}

	boolean isRealBase() {
		return this.realBase;
	}

	boolean isBranchPoint() {
		return this.next.size() > 1;
	}

	boolean isRealBranchPoint() {
		return this.allNext.size() > 1;
	}

	boolean isMergePoint() {
		return this.revision.downRevisions().size() > 1;
	}

	/** The first list followed by what the second adds, without repeats; the first itself when nothing is added. */
	static <T> List<T> union(List<T> first, List<T> second) {
		if (second.isEmpty()) {
			return first;
		}
		Set<T> all = new LinkedHashSet<>(first);
		all.addAll(second);
		return new ArrayList<>(all);
	}

	@Override
	public String toString() {
		return id();
	}

}
