package dev.migrations.boot.autoconfigure.integration;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.migrations.testing.PostgresDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.map;

/**
 * The starter in a web application on an empty PostgreSQL database: migrations run before Hibernate validates the
 * schema, and Actuator reports the result over HTTP.
 */
@SpringBootTest(classes = NotesApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=validate",
				"management.endpoints.web.exposure.include=health,migrations",
				"management.endpoint.health.show-details=always" })
@DirtiesContext
class PostgresStartupTests {

	private static PostgresDatabase database;

	@LocalServerPort
	private int port;

	@Autowired
	private EntityManagerFactory entityManagerFactory;

	@BeforeAll
	static void createDatabase() {
		database = PostgresDatabase.create("boot_startup");
	}

	@DynamicPropertySource
	static void useDatabase(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> database.jdbcUrl());
		registry.add("spring.datasource.username", () -> database.user());
		registry.add("spring.datasource.password", () -> database.password());
	}

	@AfterAll
	static void dropDatabase() {
		database.close();
	}

	@Test
	void hibernateValidatedTheSchemaTheRevisionsCreated() {
		EntityManager entityManager = this.entityManagerFactory.createEntityManager();
		entityManager.getTransaction().begin();
		Note note = new Note("remember the milk", "errand");
		entityManager.persist(note);
		entityManager.getTransaction().commit();
		assertThat(note.getId()).isNotNull();
		entityManager.close();
	}

	@Test
	void theEndpointShowsTheDatabaseAtHead() throws Exception {
		Http.Response response = Http.get(this.port, "/actuator/migrations");
		assertThat(response.status()).isEqualTo(200);
		Map<String, Object> body = response.body();
		assertThat(body).containsOnlyKeys("current", "heads", "target", "upToDate", "pending", "history")
			.containsEntry("current", List.of("2b3c4d5e6f70"))
			.containsEntry("heads", List.of("2b3c4d5e6f70"))
			.containsEntry("target", "head")
			.containsEntry("upToDate", true)
			.containsEntry("pending", List.of());
		List<?> history = (List<?>) body.get("history");
		assertThat(history).hasSize(2);
		assertApplied(history.get(0), "2b3c4d5e6f70", List.of("1a2b3c4d5e6f"), "add note tag", List.of("tagging"));
		assertApplied(history.get(1), "1a2b3c4d5e6f", List.of(), "create note", List.of("tagging"));
	}

	@Test
	void theEndpointShowsOneRevision() throws Exception {
		Http.Response response = Http.get(this.port, "/actuator/migrations/1a2b3c4d5e6f");
		assertThat(response.status()).isEqualTo(200);
		assertApplied(response.body(), "1a2b3c4d5e6f", List.of(), "create note", List.of("tagging"));
	}

	@Test
	void theEndpointAnswers404ForARevisionItDoesNotKnow() throws Exception {
		Http.Response response = Http.get(this.port, "/actuator/migrations/0123456789ab");
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.body()).containsOnlyKeys("error");
		assertThat(response.body().get("error")).asInstanceOf(map(String.class, Object.class))
			.containsEntry("kind", "revision_not_found")
			.containsEntry("message",
					"Can't locate revision identified by '0123456789ab': No such revision or branch '0123456789ab'")
			.containsEntry("hint", "Run 'migrations history' to list revisions; name one by its full id, a unique "
					+ "prefix of at least four characters, or a branch label");
	}

	@Test
	void theEndpointResolvesIdentifiersAsTheCommandLineDoes() throws Exception {
		for (String identifier : List.of("1a2b", "1a2b3c4d5e6f")) {
			Http.Response response = Http.get(this.port, "/actuator/migrations/" + identifier);
			assertThat(response.status()).as(identifier).isEqualTo(200);
			assertApplied(response.body(), "1a2b3c4d5e6f", List.of(), "create note", List.of("tagging"));
		}
		for (String identifier : List.of("2b3c4d", "head", "heads", "tagging@head", "current")) {
			Http.Response response = Http.get(this.port, "/actuator/migrations/" + identifier);
			assertThat(response.status()).as(identifier).isEqualTo(200);
			assertApplied(response.body(), "2b3c4d5e6f70", List.of("1a2b3c4d5e6f"), "add note tag",
					List.of("tagging"));
		}
	}

	@Test
	void healthIsUpAtHead() throws Exception {
		Http.Response response = Http.get(this.port, "/actuator/health/migrations");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).containsEntry("status", "UP")
			.containsEntry("details",
					Map.of("current", List.of("2b3c4d5e6f70"), "heads", List.of("2b3c4d5e6f70"), "pending", 0));
	}

	private static void assertApplied(Object entry, String revision, List<String> revises, String message,
			List<String> branchLabels) {
		assertThat(entry).asInstanceOf(map(String.class, Object.class))
			.containsOnlyKeys("revision", "revises", "message", "branchLabels", "dependsOn", "state", "appliedAt",
					"executionMs")
			.containsEntry("revision", revision)
			.containsEntry("revises", revises)
			.containsEntry("message", message)
			.containsEntry("branchLabels", branchLabels)
			.containsEntry("dependsOn", List.of())
			.containsEntry("state", "applied")
			.hasEntrySatisfying("appliedAt",
					(appliedAt) -> assertThat(Instant.parse((String) appliedAt)).isBefore(Instant.now()))
			.hasEntrySatisfying("executionMs", (executionMs) -> assertThat(executionMs).isInstanceOf(Number.class));
	}

}
