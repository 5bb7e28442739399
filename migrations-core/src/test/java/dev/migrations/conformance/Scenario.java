package dev.migrations.conformance;

import java.util.List;

/**
 * One recorded Alembic scenario of test resource {@code conformance/alembic/scenarios}: a revision graph and the
 * commands run against one database, each with what Alembic did.
 */
public record Scenario(String name, String description, List<ScenarioRevision> revisions, List<ScenarioStep> steps) {

	public Scenario {
		revisions = List.copyOf(revisions);
		steps = List.copyOf(steps);
	}

	@Override
	public String toString() {
		return this.name;
	}

}
