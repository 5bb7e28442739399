package dev.migrations.conformance;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migrations.testing.H2Database;
import dev.migrations.testing.MariaDbDatabase;
import dev.migrations.testing.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every recorded Alembic scenario, replayed through the facade against real PostgreSQL, real MariaDB and H2 (default
 * and PostgreSQL mode), each scenario on a fresh database: the same transitions in the same order, the same
 * version rows afterwards, an error where Alembic raised one, the same listing text. One line per case. No
 * recorded step depends on transactional DDL (every revision of the corpus succeeds, and Alembic's errors come before
 * anything runs), so MariaDB, which commits DDL at once, replays the corpus with the same deviations as the others;
 * where it differs on a failing revision is asserted in {@code MigrationsMariaDbTest}.
 */
class EngineConformanceTest {

	private static final Corpus CORPUS = Corpus.load();

	private static final Map<String, Deviation> DEVIATIONS = CORPUS.deviations();

	static Stream<Scenario> scenarios() {
		return CORPUS.scenarios().stream();
	}

	@ParameterizedTest(name = "postgresql {0}")
	@MethodSource("scenarios")
	void replaysOnPostgresql(Scenario scenario, @TempDir Path scripts) {
		try (PostgresDatabase database = PostgresDatabase.create("conformance")) {
			replay("postgresql", scenario, new FacadeEngine(scenario, scripts, database.dataSource()));
		}
	}

	@ParameterizedTest(name = "mariadb {0}")
	@MethodSource("scenarios")
	void replaysOnMariaDb(Scenario scenario, @TempDir Path scripts) {
		try (MariaDbDatabase database = MariaDbDatabase.create("conformance")) {
			replay("mariadb", scenario, new FacadeEngine(scenario, scripts, database.dataSource()));
		}
	}

	@ParameterizedTest(name = "h2 {0}")
	@MethodSource("scenarios")
	void replaysOnH2(Scenario scenario, @TempDir Path scripts) {
		try (H2Database database = H2Database.create("conformance", H2Database.Mode.DEFAULT)) {
			replay("h2", scenario, new FacadeEngine(scenario, scripts, database.dataSource()));
		}
	}

	@ParameterizedTest(name = "h2-postgresql-mode {0}")
	@MethodSource("scenarios")
	void replaysOnH2InPostgresqlMode(Scenario scenario, @TempDir Path scripts) {
		try (H2Database database = H2Database.create("conformance", H2Database.Mode.POSTGRESQL)) {
			replay("h2-postgresql-mode", scenario, new FacadeEngine(scenario, scripts, database.dataSource()));
		}
	}

	private static void replay(String database, Scenario scenario, ScenarioEngine engine) {
		List<String> differences = new ScenarioReplay(DEVIATIONS).differences(scenario, new EngineSteps(engine));
		System.out.println(database + " " + scenario.name() + ": " + scenario.steps().size() + " steps, "
				+ (differences.isEmpty() ? "as recorded" : differences.size() + " differences"));
		assertThat(differences).as(database + " " + scenario.name()).isEmpty();
	}

}
