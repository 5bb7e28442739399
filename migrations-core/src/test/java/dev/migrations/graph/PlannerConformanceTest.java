package dev.migrations.graph;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migrations.conformance.Corpus;
import dev.migrations.conformance.Deviation;
import dev.migrations.conformance.EngineSteps;
import dev.migrations.conformance.Scenario;
import dev.migrations.conformance.ScenarioReplay;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every recorded Alembic scenario, replayed on the planner alone (version rows in a list): the graph's semantics
 * without a database. {@code EngineConformanceTest} replays them again through the facade on real databases.
 */
class PlannerConformanceTest {

	private static final Corpus CORPUS = Corpus.load();

	private static final Map<String, Deviation> DEVIATIONS = CORPUS.deviations();

	static Stream<Scenario> scenarios() {
		return CORPUS.scenarios().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void replaysAsAlembicRecorded(Scenario scenario) {
		List<String> differences = new ScenarioReplay(DEVIATIONS).differences(scenario,
				new EngineSteps(new PlannerEngine(scenario)));
		System.out.println("planner " + scenario.name() + ": " + scenario.steps().size() + " steps, "
				+ (differences.isEmpty() ? "as recorded" : differences.size() + " differences"));
		assertThat(differences).as(scenario.name()).isEmpty();
	}

}
