package dev.migrations.boot.autoconfigure.integration;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import dev.migrations.boot.autoconfigure.MigrationsStartupStrategy;
import dev.migrations.boot.autoconfigure.SilentServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.map;

/**
 * The endpoint and health of an application whose database stopped answering (a server that accepts connections and
 * never replies, behind Spring Boot's own pool with its 30 s connection timeout): each answers within 2 s, the
 * endpoint with a 503 naming the cause, the health DOWN with the reason; probes that come while a read still hangs
 * answer as fast.
 */
@SpringBootTest(classes = { NotesApplication.class, DatabaseDownTests.LeaveTheDatabaseAlone.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.autoconfigure.exclude=org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
				"management.endpoints.web.exposure.include=health,migrations",
				"management.endpoint.health.show-details=always" })
@DirtiesContext
class DatabaseDownTests {

	private static final Duration PROBE_BUDGET = Duration.ofSeconds(2);

	private static final SilentServer server = new SilentServer();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void useTheSilentDatabase(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", server::postgresUrl);
		registry.add("spring.datasource.username", () -> "postgres");
	}

	@AfterAll
	static void stopServer() throws IOException {
		server.close();
	}

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
				.containsEntry("message", "The database did not answer within 1000 ms")
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
				.containsEntry("details",
						Map.of("reason", "The database did not answer within 1000 ms", "kind", "connection"));
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
