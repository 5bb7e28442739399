package dev.migrations.benchmarks.workload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.benchmarks.workload.RevisionSetGenerator.Shape;
import dev.migrations.graph.Planner;
import dev.migrations.graph.Target;
import dev.migrations.graph.RevisionGraph;
import dev.migrations.script.Location;
import dev.migrations.script.RevisionScript;
import dev.migrations.script.ScriptLoader;

import static org.assertj.core.api.Assertions.assertThat;

class WorkloadTests {

	private final List<GeneratedRevision> revisions = RevisionSetGenerator.generate(60, Shape.BRANCHED, 42);

	@Test
	void engineScriptsLoadAsOneGraphThatPlansEveryRevision(@TempDir Path root) {
		Workload workload = Workload.write(root, this.revisions);
		List<RevisionScript> scripts = ScriptLoader.load(
				Location.parseAll(List.of("filesystem:" + workload.engineScripts())), getClass().getClassLoader(),
				List.of());
		RevisionGraph graph = RevisionGraph.of(scripts.stream().map(RevisionScript::revision).toList());
		assertThat(graph.heads()).containsExactly(this.revisions.get(59).id());
		assertThat(new Planner(graph).upgrade(List.of(), Target.HEADS).steps()).hasSize(60);
		RevisionScript first = scripts.get(0);
		assertThat(first.id()).isEqualTo(this.revisions.get(0).id());
		assertThat(first.isReversible()).isTrue();
	}

	@Test
	void flywayFilesHoldTheUpgradeStatementsInVersionOrder(@TempDir Path root) throws IOException {
		Workload workload = Workload.write(root, this.revisions);
		GeneratedRevision seventh = this.revisions.get(6);
		Path file = workload.flywayScripts().resolve("V7__" + seventh.slug() + ".sql");
		assertThat(file).hasContent(String.join(";\n", seventh.upgrade()) + ";");
		try (Stream<Path> files = Files.list(workload.flywayScripts())) {
			assertThat(files).hasSize(60);
		}
	}

	@Test
	void liquibaseChangelogHasOneChangesetPerRevisionWithRollbacks(@TempDir Path root) throws IOException {
		Workload workload = Workload.write(root, this.revisions);
		String changelog = Files.readString(workload.liquibaseDirectory().resolve(Workload.LIQUIBASE_CHANGELOG));
		assertThat(changelog).startsWith("-- liquibase formatted sql\n");
		assertThat(changelog.lines().filter((line) -> line.startsWith("-- changeset bench:"))).hasSize(60);
		GeneratedRevision last = this.revisions.get(59);
		assertThat(changelog).endsWith("-- changeset bench:60\n" + String.join(";\n", last.upgrade()) + ";\n"
				+ "-- rollback " + String.join(";\n-- rollback ", last.downgrade()) + ";\n");
	}

	@Test
	void openFindsTheSizeOfAWrittenWorkload(@TempDir Path root) {
		Workload.write(root, this.revisions);
		assertThat(Workload.open(root)).isEqualTo(new Workload(root, 60));
	}

}
