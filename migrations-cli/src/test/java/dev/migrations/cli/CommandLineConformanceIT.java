package dev.migrations.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migrations.conformance.Corpus;
import dev.migrations.conformance.Deviation;
import dev.migrations.conformance.Scenario;
import dev.migrations.conformance.ScenarioReplay;
import dev.migrations.testing.Server;
import dev.migrations.testing.ServerDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every recorded Alembic scenario of test resource {@code conformance/alembic}, replayed through the built jar on real
 * PostgreSQL, one {@code java -jar target/migrations.jar} process per step, each scenario in a database of its own.
 * The engine replays the corpus on MariaDB too ({@code EngineConformanceTest}), and the jar's commands run on MariaDB
 * in {@code CommandLineDriversIT} and {@code CommandLineConcurrencyIT}: a second replay through the jar would take
 * minutes of the build to show the same.
 * The scripts sit in {@code ./migrations}, the default location, and the database comes from
 * {@code MIGRATIONS_URL}.
 */
class CommandLineConformanceIT {

	private static final Corpus CORPUS = Corpus.load();

	private static final Map<String, Deviation> DEVIATIONS = CORPUS.deviations();

	static Stream<Scenario> scenarios() {
		return CORPUS.scenarios().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void replaysAsAlembicRecorded(Scenario scenario, @TempDir Path directory) {
		replay("cli", scenario, directory, Server.POSTGRESQL);
	}

	private static void replay(String label, Scenario scenario, Path directory, Server server) {
		Corpus.writeScripts(scenario, directory.resolve("migrations"));
		List<String> differences;
		try (ServerDatabase database = server.create("cli_" + scenario.name())) {
			differences = new ScenarioReplay(DEVIATIONS).differences(scenario,
					new CommandLineReplay(MigrationsJar.in(directory), database));
		}
		System.out.println(label + " " + scenario.name() + ": " + scenario.steps().size() + " steps, "
				+ (differences.isEmpty() ? "as recorded" : differences.size() + " differences"));
		assertThat(differences).as(label + " " + scenario.name()).isEmpty();
	}

}
