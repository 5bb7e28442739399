package dev.migrations.conformance;

import java.util.List;

/** Runs a scenario's steps on one database, however it does so: through the facade, or through the built jar. */
public interface StepRunner {

	/** Runs one step and says what came of it. */
	StepOutcome run(ScenarioStep step);

	/** Sets the version rows to {@code rows} as a user would ({@code stamp --purge}), after a deviation. */
	void resync(List<String> rows);

}
