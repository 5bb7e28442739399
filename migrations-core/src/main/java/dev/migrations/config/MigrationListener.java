package dev.migrations.config;

import dev.migrations.graph.PlanStep;

/**
 * Told of each step of a run just before it runs; the command line prints {@link PlanStep#describe()}
 * ({@code Running upgrade a -> b, message}), as Alembic does.
 */
@FunctionalInterface
public interface MigrationListener {

	MigrationListener NONE = (step) -> {
	};

	void beforeStep(PlanStep step);

}
