package dev.migrations.execute;

import java.util.ArrayList;
import java.util.List;

import dev.migrations.graph.PlanStep;

/**
 * The version-table statements that take the rows from a step's before to its after: an update where one row
 * replaces another (keeping its place, as Alembic does), deletes and inserts for the rest.
 *
 * @param updates pairs of {@code [from, to]}
 * @param deletes rows removed
 * @param inserts rows added
 */
record RowChanges(List<String[]> updates, List<String> deletes, List<String> inserts) {

	static RowChanges of(PlanStep step) {
		List<String> removed = new ArrayList<>(step.headsBefore());
		removed.removeAll(step.headsAfter());
		List<String> added = new ArrayList<>(step.headsAfter());
		added.removeAll(step.headsBefore());
		int pairs = Math.min(removed.size(), added.size());
		List<String[]> updates = new ArrayList<>();
		for (int i = 0; i < pairs; i++) {
			updates.add(new String[] { removed.get(i), added.get(i) });
		}
		return new RowChanges(updates, removed.subList(pairs, removed.size()), added.subList(pairs, added.size()));
	}

}
