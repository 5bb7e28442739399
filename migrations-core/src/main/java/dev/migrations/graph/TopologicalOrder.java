package dev.migrations.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Alembic's {@code _topological_sort}: revisions always after their down revisions and dependencies, newest
 * first, walking one branch at a time from the heads in load order.
 */
final class TopologicalOrder {

	private final Set<Node> todo;

	private final List<Node> currentHeads;

	private final List<Ancestry> ancestorsByIndex = new ArrayList<>();

	private final List<Node> output = new ArrayList<>();

	private int candidateIndex;

	private TopologicalOrder(Collection<Node> revisions, Collection<Node> heads) {
		this.todo = new HashSet<>(revisions);
		this.currentHeads = new ArrayList<>(new LinkedHashSet<>(heads.stream()
			.filter(this.todo::contains)
			.sorted(Comparator.comparingInt((Node n) -> n.index))
			.toList()));
		for (Node head : this.currentHeads) {
			this.ancestorsByIndex.add(new Ancestry(head));
		}
	}

	/** The revisions, newest first, starting from the heads given. */
	static List<Node> of(Collection<Node> revisions, Collection<Node> heads) {
		return new TopologicalOrder(revisions, heads).sort();
	}

	private List<Node> sort() {
		while (!this.currentHeads.isEmpty()) {
			Node candidate = this.currentHeads.get(this.candidateIndex);
			int dependent = dependentOn(candidate);
			if (dependent >= 0) {
				this.candidateIndex = dependent;
				continue;
			}
			if (this.todo.remove(candidate)) {
				this.output.add(candidate);
			}
			stepDown(candidate);
		}
		if (!this.todo.isEmpty()) {
			throw new IllegalStateException("Topological sort left revisions behind: " + this.todo);
		}
		return this.output;
	}

	/** The index of another branch being walked that still needs the candidate; -1 for none. */
	private int dependentOn(Node candidate) {
		for (int i = 0; i < this.ancestorsByIndex.size(); i++) {
			if (i != this.candidateIndex && this.ancestorsByIndex.get(i).contains(candidate)) {
				return i;
			}
		}
		return -1;
	}

	/** Replaces the candidate among the heads being walked by what it revises and depends on, still to output. */
	private void stepDown(Node candidate) {
		List<Node> headsToAdd = new ArrayList<>();
		for (Node down : candidate.normalizedDown) {
			if (this.todo.contains(down) && !this.currentHeads.contains(down)) {
				headsToAdd.add(down);
			}
		}
		if (headsToAdd.isEmpty()) {
			this.currentHeads.remove(this.candidateIndex);
			this.ancestorsByIndex.remove(this.candidateIndex);
			this.candidateIndex = Math.max(this.candidateIndex - 1, 0);
		}
		else if (candidate.normalizedDependencies.isEmpty() && candidate.downRevisions().size() == 1) {
			this.currentHeads.set(this.candidateIndex, headsToAdd.get(0));
			this.ancestorsByIndex.get(this.candidateIndex).remove(candidate);
		}
		else {
			this.currentHeads.set(this.candidateIndex, headsToAdd.get(0));
			this.ancestorsByIndex.set(this.candidateIndex, new Ancestry(headsToAdd.get(0)));
			for (Node extra : headsToAdd.subList(1, headsToAdd.size())) {
				this.currentHeads.add(extra);
				this.ancestorsByIndex.add(new Ancestry(extra));
			}
		}
	}

	/**
	 * The ancestors of one node (itself included, through down revisions and dependencies), explored only as far
	 * as questions need: from the newest down, so that asking about a node explores just the ancestors at its
	 * depth or above. A walk down the graph asks about ever older nodes, so each ancestor is explored once.
	 */
	private static final class Ancestry {

		private final PriorityQueue<Node> frontier = new PriorityQueue<>(
				Comparator.comparingInt((Node n) -> n.depth).reversed());

		private final Set<Node> found = new HashSet<>();

		Ancestry(Node root) {
			this.frontier.add(root);
			this.found.add(root);
		}

		boolean contains(Node node) {
			while (!this.frontier.isEmpty() && this.frontier.peek().depth >= node.depth) {
				for (Node parent : this.frontier.poll().normalizedDown) {
					if (this.found.add(parent)) {
						this.frontier.add(parent);
					}
				}
			}
			return this.found.contains(node);
		}

		/** Drops the root after a step down a plain line: the rest are exactly the ancestors of its parent. */
		void remove(Node node) {
			this.found.remove(node);
		}

	}

}
