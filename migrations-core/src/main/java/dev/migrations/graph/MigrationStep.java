package dev.migrations.graph;

import java.util.List;

/**
 * Running one revision's upgrade or downgrade.
 *
 * @param direction up or down
 * @param revision the revision that runs
 * @param headsBefore the version rows before the step
 * @param headsAfter the version rows after the step
 */
public record MigrationStep(Direction direction, Revision revision, List<String> headsBefore,
		List<String> headsAfter) implements PlanStep {

	public MigrationStep {
		headsBefore = List.copyOf(headsBefore);
		headsAfter = List.copyOf(headsAfter);
	}

	/** The ids on the left of the arrow: the revised ids going up, this revision going down. */
	public List<String> from() {
		return (this.direction == Direction.UP) ? this.revision.downRevisions() : List.of(this.revision.id());
	}

	/** The ids on the right of the arrow. */
	public List<String> to() {
		return (this.direction == Direction.UP) ? List.of(this.revision.id()) : this.revision.downRevisions();
	}

	@Override
	public String describe() {
		String line = "Running " + this.direction.verb() + " " + String.join(", ", from()) + " -> "
				+ String.join(", ", to());
		return this.revision.message().isEmpty() ? line : line + ", " + this.revision.message();
	}

}
