package dev.migrations.maven;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.maven.entities.JsonbNote;
import dev.migrations.maven.entities.Note;
import dev.migrations.testing.H2Database;
import dev.migrations.testing.MariaDbDatabase;
import dev.migrations.testing.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code migrations:revision} on bad inputs, run as Maven runs it (the project's directory, its compiled classes,
 * its {@code application.properties}): each fails the build with one line, the hint on the next, and writes nothing.
 */
class RevisionMojoTest {

	private static final String PREFIX = "jpa_acceptance_mojo";

	@TempDir
	Path project;

	@Test
	void noEntitiesNamesTheDirectoryItLookedIn() throws Exception {
		try (H2Database database = H2Database.create(PREFIX, H2Database.Mode.DEFAULT)) {
			Path classes = ProjectClasses.compiled(this.project);
			configure(database.jdbcUrl(), "sa");
			assertFailsWritingNothing(classes,
					"No JPA entities found: no class annotated @jakarta.persistence.Entity in " + classes);
		}
	}

	@Test
	void aDatabaseNotAtHeadIsAlembicsLine() throws Exception {
		try (PostgresDatabase database = PostgresDatabase.create(PREFIX)) {
			Path classes = ProjectClasses.compiled(this.project, Note.class);
			configure(database.jdbcUrl(), database.user());
			Files.writeString(scripts().resolve("20261206_0100_aaaaaaaaaaaa_notes.sql"), """
					-- Revision ID: aaaaaaaaaaaa
					-- Revises:
					-- Message: notes

					-- migrate:upgrade
					CREATE TABLE note (id bigint PRIMARY KEY);
					-- migrate:downgrade
					DROP TABLE note;
					""");
			assertFailsWritingNothing(classes, "Target database is not up to date.");
		}
	}

	@Test
	void anUnreachableDatabaseIsOneLine() throws Exception {
		Path classes = ProjectClasses.compiled(this.project, Note.class);
		configure("jdbc:postgresql://127.0.0.1:" + closedPort() + "/app", "postgres");
		assertFailsWritingNothing(classes, "Cannot connect to the database: ");
	}

	@Test
	void aTypeH2CantHoldNamesIt() throws Exception {
		try (H2Database database = H2Database.create(PREFIX, H2Database.Mode.DEFAULT)) {
			Path classes = ProjectClasses.compiled(this.project, JsonbNote.class);
			configure(database.jdbcUrl(), "sa");
			assertFailsWritingNothing(classes, "Hibernate can't create the entities' schema: ");
		}
	}

	@Test
	void aTypeMariaDbCantHoldNamesIt() throws Exception {
		try (MariaDbDatabase database = MariaDbDatabase.create(PREFIX)) {
			Path classes = ProjectClasses.compiled(this.project, JsonbNote.class);
			configure(database.jdbcUrl(), database.user());
			assertFailsWritingNothing(classes, "Hibernate can't create the entities' schema: ");
		}
	}

	/** Runs the goal, expecting the line (or its beginning) and the hint, and no script written. */
	private void assertFailsWritingNothing(Path classes, String line) throws Exception {
		RevisionMojo mojo = new RevisionMojo();
		set(mojo, MigrationsMojo.class, "basedir", this.project.toFile());
		set(mojo, MigrationsMojo.class, "classpathElements", List.of(classes.toString()));
		set(mojo, RevisionMojo.class, "message", "add notes");
		set(mojo, RevisionMojo.class, "autogenerate", true);
		set(mojo, EntityMojo.class, "classesDirectory", classes.toFile());
		List<String> before = scriptFiles();
		assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class).satisfies((failure) -> {
			List<String> lines = failure.getMessage().lines().toList();
			assertThat(lines).hasSize(2);
			assertThat(lines.get(0)).startsWith(line);
			assertThat(lines.get(1)).startsWith("Hint: ");
		});
		assertThat(scriptFiles()).isEqualTo(before);
	}

	/** The project's {@code application.properties} and its (empty) scripts directory. */
	private void configure(String url, String user) throws IOException {
		Files.createDirectories(scripts());
		Path resources = Files.createDirectories(this.project.resolve("src/main/resources"));
		Files.writeString(resources.resolve("application.properties"),
				"spring.datasource.url=" + url + "\nspring.datasource.username=" + user + "\n");
	}

	private Path scripts() {
		return this.project.resolve("src/main/resources/db/migrations");
	}

	private List<String> scriptFiles() throws IOException {
		if (!Files.isDirectory(scripts())) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(scripts())) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void set(Object mojo, Class<?> declaring, String name, Object value) throws Exception {
		Field field = declaring.getDeclaredField(name);
		field.setAccessible(true);
		field.set(mojo, value);
	}

}
