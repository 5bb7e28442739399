package dev.migrations.graph;

/** How a relative step that runs off the graph ends (Alembic's {@code assert_relative_length}). */
enum StepCount {

	/** Every step must be taken: a walk that runs off the graph reaches nothing, and the caller fails. */
	EXACT,

	/** As many steps as there are: a walk that runs off the graph stops at its end ({@code history}). */
	AT_MOST

}
