package dev.migrations.graph;

/**
 * How a command collects revisions between two ends (Alembic's {@code inclusive}, {@code implicit_base} and
 * {@code assert_relative_length}), one constant per command.
 *
 * @param inclusive whether the lower end itself is collected
 * @param implicitBase whether revisions on other branches than the lower end's count (an upgrade brings every
 * branch the target needs)
 * @param steps how a relative end that runs off the graph ends
 */
record CollectMode(boolean inclusive, boolean implicitBase, StepCount steps) {

	static final CollectMode UPGRADE = new CollectMode(false, true, StepCount.EXACT);

	static final CollectMode DOWNGRADE = new CollectMode(false, false, StepCount.EXACT);

	static final CollectMode HISTORY = new CollectMode(true, false, StepCount.AT_MOST);

}
