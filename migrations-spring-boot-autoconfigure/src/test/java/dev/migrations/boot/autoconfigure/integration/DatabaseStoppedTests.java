package dev.migrations.boot.autoconfigure.integration;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.migrations.boot.autoconfigure.StoppableRelay;
import dev.migrations.testing.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.map;

/**
 * The endpoint and health of an application that upgraded its PostgreSQL database on start-up, after the database
 * stopped (its port closed, every pooled connection cut), behind Spring Boot's own pool with its 30 s connection
 * timeout: each answers within 2 s, the endpoint with a 503 naming the cause and the state the application migrated,
 * with when; the health UP without a query, since the application knows the state it migrated.
 */
@SpringBootTest(classes = NotesApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.autoconfigure.exclude=org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
				"management.endpoints.web.exposure.include=health,migrations",
				"management.endpoint.health.show-details=always" })
@DirtiesContext
class DatabaseStoppedTests {

	private static final Duration PROBE_BUDGET = Duration.ofSeconds(2);

	private static final String HEAD = "2b3c4d5e6f70";

	private static final Instant testStarted = Instant.now();

	private static final PostgresDatabase database = PostgresDatabase.create("boot_stopped");

	private static final StoppableRelay server = new StoppableRelay(database.jdbcUrl());

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void useTheDatabaseThroughTheRelay(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> server.relayed(database.jdbcUrl()));
		registry.add("spring.datasource.username", database::user);
	}

	@AfterAll
	static void dropDatabase() {
		server.close();
		database.close();
	}

	/**
	 * Stopping the relay closes the pool's open connections: a probe then either waits for a new one past its bound,
	 * or reads on a connection the relay just closed, a lost connection. Both are a connection failure.
	 */
	@Test
	void theEndpointAnswers503WithTheMigratedStateAndHealthStaysUpWithinTwoSeconds() throws Exception {
		assertThat(Http.get(this.port, "/actuator/migrations").status()).isEqualTo(200);
		server.stop();
		for (int probe = 0; probe < 2; probe++) {
			Http.Response endpoint = timed("/actuator/migrations");
			assertThat(endpoint.status()).isEqualTo(503);
			assertThat(endpoint.body()).extractingByKey("error", map(String.class, Object.class))
				.containsEntry("kind", "connection")
				.satisfiesAnyOf(
						(timedOut) -> assertThat(timedOut)
							.containsEntry("message", "The database did not answer within 1000 ms")
							.containsEntry("hint", "Check that the database is running and reachable; lastSeen is "
									+ "the state last read from it"),
						(lost) -> assertThat(lost).hasEntrySatisfying("message",
								(message) -> assertThat((String) message).startsWith(
										"Could not read the migration state: ")));
			assertThat(endpoint.body()).extractingByKey("lastSeen", map(String.class, Object.class))
				.containsEntry("current", List.of(HEAD))
				.containsEntry("upToDate", true)
				.containsEntry("pending", List.of())
				.hasEntrySatisfying("at", (at) -> assertThat(Instant.parse((String) at)).isAfter(testStarted));

			Http.Response health = timed("/actuator/health/migrations");
			assertThat(health.status()).isEqualTo(200);
			assertThat(health.body()).containsEntry("status", "UP")
				.extractingByKey("details", map(String.class, Object.class))
				.containsEntry("current", List.of(HEAD));
		}
	}

	private Http.Response timed(String path) throws Exception {
		long started = System.nanoTime();
		Http.Response response = Http.get(this.port, path);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as(path).isLessThan(PROBE_BUDGET);
		return response;
	}

}
