package dev.migrations.boot.autoconfigure.integration;

import java.time.Duration;

import dev.migrations.boot.autoconfigure.MigrationsStartupStrategy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.map;

/**
 * The endpoint and health of an application whose database is down from the start, behind Spring Boot's own pool
 * with its 30 s connection timeout: each answers within 2 s, the endpoint with a 503 naming the cause, the health
 * DOWN with the reason; probes that come while a read still hangs answer as fast. Each subclass gives the database
 * one way of being down.
 */
@SpringBootTest(classes = { NotesApplication.class, DatabaseUnavailableTests.LeaveTheDatabaseAlone.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.autoconfigure.exclude=org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
				"management.endpoints.web.exposure.include=health,migrations",
				"management.endpoint.health.show-details=always" })
@DirtiesContext
abstract class DatabaseUnavailableTests {

	private static final Duration PROBE_BUDGET = Duration.ofSeconds(2);

	@LocalServerPort
	private int port;

	/** Checks that the message the endpoint and health give names the way this database is down. */
	abstract void assertTheCause(String message);

	/** The first request to a new server initialises the web stack, which is not what is measured here. */
	@BeforeEach
	void warmUpTheServer() throws Exception {
		assertThat(Http.get(this.port, "/actuator").status()).isEqualTo(200);
	}

	@Test
	void theEndpointAnswers503NamingTheCauseWithinTwoSeconds() throws Exception {
		for (int probe = 0; probe < 2; probe++) {
			long started = System.nanoTime();
			Http.Response response = Http.get(this.port, "/actuator/migrations");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(PROBE_BUDGET);
			assertThat(response.status()).isEqualTo(503);
			assertThat(response.body()).containsEntry("lastSeen", null)
				.extractingByKey("error", map(String.class, Object.class))
				.containsEntry("kind", "connection")
				.hasEntrySatisfying("message", (message) -> assertTheCause((String) message))
				.containsKey("hint");
		}
		assertThat(Http.get(this.port, "/actuator/migrations/head").status()).isEqualTo(503);
	}

	@Test
	void healthIsDownWithTheReasonWithinTwoSeconds() throws Exception {
		for (int probe = 0; probe < 2; probe++) {
			long started = System.nanoTime();
			Http.Response response = Http.get(this.port, "/actuator/health/migrations");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(PROBE_BUDGET);
			assertThat(response.status()).isEqualTo(503);
			assertThat(response.body()).containsEntry("status", "DOWN")
				.extractingByKey("details", map(String.class, Object.class))
				.containsOnlyKeys("reason", "kind")
				.containsEntry("kind", "connection")
				.hasEntrySatisfying("reason", (reason) -> assertTheCause((String) reason));
		}
	}

	/**
	 * The database is down from the start: nothing is done with it on start-up. Not a configuration class, so that
	 * the applications of other tests, which scan this package, do not pick it up.
	 */
	static class LeaveTheDatabaseAlone {

		@Bean
		MigrationsStartupStrategy leaveTheDatabaseAlone() {
			return MigrationsStartupStrategy.none();
		}

	}

}
