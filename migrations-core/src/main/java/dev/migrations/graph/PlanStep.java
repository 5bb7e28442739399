package dev.migrations.graph;

import java.util.List;

/** One step of a plan, with the version rows the database holds once it has run. */
public sealed interface PlanStep permits MigrationStep, StampStep {

	/** The version rows before this step, in row order. */
	List<String> headsBefore();

	/** The version rows after this step, in row order. */
	List<String> headsAfter();

	/** The line Alembic logs for the step: {@code Running upgrade a -> b, message}. */
	String describe();

}
