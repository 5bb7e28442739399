package dev.migrations.execute;

import java.util.List;

import dev.migrations.graph.PlanStep;

/**
 * What an {@code upgrade}, {@code downgrade} or {@code stamp} did.
 *
 * @param before the version rows before the run
 * @param steps the steps that ran, in order
 * @param after the version rows after the run
 */
public record RunResult(List<String> before, List<PlanStep> steps, List<String> after) {

	public RunResult {
		before = List.copyOf(before);
		steps = List.copyOf(steps);
		after = List.copyOf(after);
	}

}
