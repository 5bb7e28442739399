package dev.migrations.graph;

import java.util.List;

/**
 * The steps a command runs, in order, and the version rows before and after.
 *
 * @param headsBefore the version rows the plan starts from
 * @param steps the steps; empty when there is nothing to do
 */
public record Plan(List<String> headsBefore, List<PlanStep> steps) {

	public Plan {
		headsBefore = List.copyOf(headsBefore);
		steps = List.copyOf(steps);
	}

	/** The version rows after the last step. */
	public List<String> headsAfter() {
		return this.steps.isEmpty() ? this.headsBefore : this.steps.get(this.steps.size() - 1).headsAfter();
	}

	/** The revisions its migration steps run, in order (none for a stamp). */
	public List<String> revisionIds() {
		return this.steps.stream()
			.filter(MigrationStep.class::isInstance)
			.map((step) -> ((MigrationStep) step).revision().id())
			.toList();
	}

	public boolean isEmpty() {
		return this.steps.isEmpty();
	}

}
