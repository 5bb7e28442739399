package dev.migrations.graph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the version rows (one per current head) in step with each migration or stamp step, with Alembic's
 * rules: a base upgrade or a new branch inserts a row, a step along a branch updates one, a merge deletes all
 * but one of its parents' rows, an unmerge inserts rows for the parents no other row implies, and a dependency
 * is not stored while a stored revision depends on it. Unlike Alembic it never crashes on a row that an earlier
 * step of the same command already rewrote.
 */
final class HeadMaintainer {

	private final RevisionGraph graph;

	private final List<String> rows;

	HeadMaintainer(RevisionGraph graph, List<String> rows) {
		this.graph = graph;
		this.rows = new ArrayList<>(rows);
	}

	List<String> rows() {
		return List.copyOf(this.rows);
	}

	void upgrade(Node revision) {
		Set<String> heads = new HashSet<>(this.rows);
		List<String> downs = revision.normalizedDownRevisions();
		List<String> presentDowns = intersection(heads, downs);
		if (presentDowns.isEmpty()) {
			insert(revision.id());
		}
		else if (presentDowns.size() > 1) {
			List<String> from = withoutAncestorsOfOthers(downs, heads, downs);
			for (String delete : from.subList(0, from.size() - 1)) {
				delete(delete);
			}
			update(from.get(from.size() - 1), revision.id());
		}
		else {
			update(singleDown(revision, heads), revision.id());
		}
	}

	void downgrade(Node revision) {
		Set<String> heads = new HashSet<>(this.rows);
		List<String> downs = revision.normalizedDownRevisions();
		if (!heads.contains(revision.id())) {
			update(revision.id(), singleDown(revision, heads));
			return;
		}
		List<String> to = withoutAncestorsOfOthers(downs, heads, List.of(revision.id()));
		if (downs.isEmpty() || to.isEmpty()) {
			delete(revision.id());
		}
		else if (downs.size() > 1) {
			for (String insert : to.subList(0, to.size() - 1)) {
				insert(insert);
			}
			update(revision.id(), to.get(to.size() - 1));
		}
		else {
			update(revision.id(), downs.get(0));
		}
	}

	/**
	 * How a stamp step moves the rows (Alembic's {@code StampStep} flags {@code is_upgrade} and
	 * {@code branch_move}).
	 */
	enum StampMove {

		/** To a revision below the rows it replaces. */
		DOWN(false, false),

		/** To a revision above the rows it replaces. */
		UP(true, false),

		/** To a revision on a lineage no row is on: a row is added. */
		NEW_BRANCH(true, true),

		/** To base on one lineage: its row is removed. */
		REMOVE_BRANCH(false, true);

		private final boolean upgrade;

		private final boolean branchMove;

		StampMove(boolean upgrade, boolean branchMove) {
			this.upgrade = upgrade;
			this.branchMove = branchMove;
		}

	}

	/** Alembic's StampStep: {@code from} rows become {@code to} rows. */
	void stamp(List<String> from, List<String> to, StampMove move) {
		boolean upgrade = move.upgrade;
		boolean branchMove = move.branchMove;
		Set<String> heads = new HashSet<>(this.rows);
		if (!upgrade && branchMove) {
			delete(from.get(0));
		}
		else if (upgrade && (branchMove || !heads.containsAll(from)) && !heads.containsAll(to)) {
			insert(to.get(0));
		}
		else if (from.size() > 1) {
			for (String delete : from.subList(0, from.size() - 1)) {
				delete(delete);
			}
			update(from.get(from.size() - 1), to.get(0));
		}
		else if (to.size() > 1) {
			for (String insert : to.subList(0, to.size() - 1)) {
				insert(insert);
			}
			update(from.get(0), to.get(to.size() - 1));
		}
		else {
			update(from.get(0), to.get(0));
		}
	}

	/** {@code candidates} minus the ancestors of the rows that are not in {@code exclude}. */
	private List<String> withoutAncestorsOfOthers(List<String> candidates, Set<String> heads, List<String> exclude) {
		List<Node> others = new ArrayList<>();
		for (String head : heads) {
			if (!exclude.contains(head)) {
				others.add(this.graph.node(head));
			}
		}
		if (others.isEmpty()) {
			return candidates;
		}
		Set<String> ancestors = new HashSet<>();
		this.graph.ancestors(others, Edges.WITH_DEPENDENCIES).forEach((node) -> ancestors.add(node.id()));
		return candidates.stream().filter((id) -> !ancestors.contains(id)).toList();
	}

	private static String singleDown(Node revision, Set<String> heads) {
		List<String> downs = revision.normalizedDownRevisions();
		if (downs.size() == 1) {
			return downs.get(0);
		}
		List<String> present = intersection(heads, downs);
		if (present.size() != 1) {
			throw new RevisionError("Can't update the version row of " + revision.id()
					+ ": its down revision is ambiguous among the rows " + heads);
		}
		return present.get(0);
	}

	/** The ids that are rows, in order; a plan calls this once a step, so a loop rather than a stream. */
	private static List<String> intersection(Set<String> heads, List<String> ids) {
		List<String> present = new ArrayList<>(ids.size());
		for (String id : ids) {
			if (heads.contains(id)) {
				present.add(id);
			}
		}
		return present;
	}

	private void insert(String id) {
		if (!this.rows.contains(id)) {
			this.rows.add(id);
		}
	}

	private void delete(String id) {
		this.rows.remove(id);
	}

	private void update(String from, String to) {
		int index = this.rows.indexOf(from);
		if (this.rows.contains(to)) {
			this.rows.remove(from);
		}
		else if (index >= 0) {
			this.rows.set(index, to);
		}
		else {
			this.rows.add(to);
		}
	}

}
