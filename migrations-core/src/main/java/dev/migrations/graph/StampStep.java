package dev.migrations.graph;

import java.util.List;

/**
 * Rewriting version rows without running any script.
 *
 * @param from the rows replaced (empty when rows are only added)
 * @param to the rows written (empty when rows are only removed)
 * @param headsBefore the version rows before the step
 * @param headsAfter the version rows after the step
 */
public record StampStep(List<String> from, List<String> to, List<String> headsBefore, List<String> headsAfter)
		implements PlanStep {

	public StampStep {
		from = List.copyOf(from);
		to = List.copyOf(to);
		headsBefore = List.copyOf(headsBefore);
		headsAfter = List.copyOf(headsAfter);
	}

	@Override
	public String describe() {
		return "Running stamp_revision " + String.join(", ", this.from) + " -> " + String.join(", ", this.to);
	}

}
