package dev.migrations.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.config.MigrationListener;
import dev.migrations.graph.MigrationStep;
import dev.migrations.graph.PlanStep;
import dev.migrations.testing.H2Database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The listener hears each run start and end, and each step before, after, or as it fails, in order. */
class MigrationListenerTest {

	@TempDir
	Path directory;

	@Test
	void hearsARunAndEachStepInOrder() {
		ScriptDirectory scripts = new ScriptDirectory(this.directory)
			.revision("1_a.sql", "aaaa00000001", null, "CREATE TABLE a (id int);", "DROP TABLE a;")
			.revision("2_b.sql", "bbbb00000002", "aaaa00000001", "CREATE TABLE b (id int);", "DROP TABLE b;");
		Recording recording = new Recording();
		try (H2Database database = H2Database.create("listener", H2Database.Mode.DEFAULT)) {
			Migrations migrations = new Migrations(scripts.config().listener(recording).build(), database.dataSource());
			migrations.upgrade("head");
			migrations.downgrade("-1");
			migrations.upgrade("head");
		}
		assertThat(recording.events).containsExactly("start upgrade", "before aaaa00000001", "after aaaa00000001",
				"before bbbb00000002", "after bbbb00000002", "end upgrade 2 ok", "start downgrade",
				"before bbbb00000002", "after bbbb00000002", "end downgrade 1 ok", "start upgrade",
				"before bbbb00000002", "after bbbb00000002", "end upgrade 1 ok");
	}

	@Test
	void hearsTheStepThatFailedAndTheRunsFailure() {
		ScriptDirectory scripts = new ScriptDirectory(this.directory)
			.revision("1_a.sql", "aaaa00000001", null, "CREATE TABLE a (id int);", "DROP TABLE a;")
			.revision("2_b.sql", "bbbb00000002", "aaaa00000001", "INSERT INTO nosuch VALUES (1);", null);
		Recording recording = new Recording();
		try (H2Database database = H2Database.create("listener_failing", H2Database.Mode.DEFAULT)) {
			Migrations migrations = new Migrations(scripts.config().listener(recording).build(), database.dataSource());
			assertThatThrownBy(() -> migrations.upgrade("head")).hasMessageContaining("NOSUCH");
			migrations.upgrade("aaaa00000001");
		}
		assertThat(recording.events).containsExactly("start upgrade", "before aaaa00000001", "after aaaa00000001",
				"before bbbb00000002", "failed bbbb00000002", "end upgrade 0 SqlExecutionException", "start upgrade",
				"end upgrade 0 ok");
	}

	/** Writes down what it hears, one line each. */
	private static final class Recording implements MigrationListener {

		private final List<String> events = new CopyOnWriteArrayList<>();

		@Override
		public void beforeStep(PlanStep step) {
			this.events.add("before " + id(step));
		}

		@Override
		public void afterStep(PlanStep step) {
			this.events.add("after " + id(step));
		}

		@Override
		public void stepFailed(PlanStep step, Throwable failure) {
			this.events.add("failed " + id(step));
		}

		@Override
		public void runStarting(String command) {
			this.events.add("start " + command);
		}

		@Override
		public void runEnded(String command, int steps, Throwable failure) {
			this.events.add("end " + command + " " + steps + " "
					+ ((failure != null) ? failure.getClass().getSimpleName() : "ok"));
		}

		private static String id(PlanStep step) {
			return ((MigrationStep) step).revision().id();
		}

	}

}
