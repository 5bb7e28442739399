package dev.migrations.boot.autoconfigure.integration;

import java.util.List;
import java.util.Map;

import dev.migrations.Migrations;
import dev.migrations.boot.autoconfigure.MigrationsStatusProbe;
import dev.migrations.boot.autoconfigure.endpoint.MigrationsEndpoint;
import dev.migrations.boot.autoconfigure.endpoint.MigrationsEndpoint.MigrationsDescriptor;
import dev.migrations.boot.autoconfigure.endpoint.MigrationsEndpoint.RevisionDescriptor;
import dev.migrations.testing.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.InstanceOfAssertFactories.map;

/**
 * Health and endpoint of an application that leaves its PostgreSQL database alone ({@code on-startup: none}), with
 * the database behind or at a revision no script has.
 */
@SpringBootTest(classes = NotesApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "migrations.on-startup=none", "spring.jpa.hibernate.ddl-auto=none",
				"management.endpoints.web.exposure.include=health,migrations",
				"management.endpoint.health.show-details=always" })
@DirtiesContext
class PostgresHealthTests {

	private static PostgresDatabase database;

	@LocalServerPort
	private int port;

	@Autowired
	private Migrations migrations;

	@Autowired
	private JdbcTemplate jdbc;

	@BeforeAll
	static void createDatabase() {
		database = PostgresDatabase.create("boot_health");
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

	@BeforeEach
	void emptyTheDatabase() {
		this.jdbc.execute("DROP TABLE IF EXISTS migrations_version, migrations_history, note");
	}

	@Test
	void healthIsOutOfServiceWhileRevisionsArePending() throws Exception {
		Http.Response response = Http.get(this.port, "/actuator/health/migrations");
		assertThat(response.status()).isEqualTo(503);
		assertThat(response.body()).containsEntry("status", "OUT_OF_SERVICE")
			.containsEntry("details", Map.of("current", List.of(), "heads", List.of("2b3c4d5e6f70"), "pending", 2));
	}

	@Test
	void theEndpointListsPendingRevisions() throws Exception {
		Map<String, Object> body = Http.get(this.port, "/actuator/migrations").body();
		assertThat(body).containsEntry("current", List.of())
			.containsEntry("upToDate", false)
			.containsEntry("pending", List.of("1a2b3c4d5e6f", "2b3c4d5e6f70"));
		assertThat((List<?>) body.get("history")).allSatisfy((entry) -> assertThat(entry)
			.asInstanceOf(map(String.class, Object.class))
			.containsEntry("state", "pending")
			.containsEntry("appliedAt", null)
			.containsEntry("executionMs", null));
	}

	@Test
	void healthIsUpOnceTheDatabaseIsUpgraded() throws Exception {
		this.migrations.upgrade("head");
		Http.Response response = Http.get(this.port, "/actuator/health/migrations");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).containsEntry("status", "UP");
	}

	@Test
	void healthIsDownAtAnUnknownRevision() throws Exception {
		atUnknownRevision();
		Http.Response response = Http.get(this.port, "/actuator/health/migrations");
		assertThat(response.status()).isEqualTo(503);
		assertThat(response.body()).containsEntry("status", "DOWN")
			.containsEntry("details", Map.of("current", List.of("feedfacecafe"), "heads", List.of("2b3c4d5e6f70"),
					"pending", 2, "unknown", List.of("feedfacecafe")));
	}

	@Test
	void healthIsDownWhenAnAppliedScriptChanged() throws Exception {
		this.migrations.upgrade("head");
		this.jdbc.update("UPDATE migrations_history SET checksum = 'edited' WHERE revision = '1a2b3c4d5e6f'");
		Http.Response response = Http.get(this.port, "/actuator/health/migrations");
		assertThat(response.status()).isEqualTo(503);
		assertThat(response.body()).containsEntry("status", "DOWN")
			.containsEntry("details", Map.of("current", List.of("2b3c4d5e6f70"), "heads", List.of("2b3c4d5e6f70"),
					"pending", 0, "checksumMismatches", List.of("1a2b3c4d5e6f")));
	}

	@Test
	void theEndpointShowsAnUnknownRevision() throws Exception {
		atUnknownRevision();
		Http.Response response = Http.get(this.port, "/actuator/migrations");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).containsEntry("current", List.of("feedfacecafe"))
			.containsEntry("upToDate", false);
		assertThat((List<?>) response.body().get("history"))
			.anySatisfy((entry) -> assertThat(entry).asInstanceOf(map(String.class, Object.class))
				.containsEntry("revision", "feedfacecafe")
				.containsEntry("state", "unknown"));
	}

	@Test
	void theEndpointShowsTheHeadsOfTheScriptsAndTheTargetApart() {
		this.migrations.upgrade("1a2b3c4d5e6f");
		MigrationsDescriptor status = (MigrationsDescriptor) new MigrationsEndpoint(
				new MigrationsStatusProbe(this.migrations, "1a2b3c4d5e6f", MigrationsStatusProbe.DEFAULT_TIMEOUT))
			.migrations()
			.getBody();
		assertThat(status.heads()).containsExactly("2b3c4d5e6f70");
		assertThat(status.target()).isEqualTo("1a2b3c4d5e6f");
		assertThat(status.upToDate()).isTrue();
		assertThat(status.pending()).containsExactly("2b3c4d5e6f70");
		assertThat(status.history()).extracting(RevisionDescriptor::revision, RevisionDescriptor::state)
			.containsExactly(tuple("2b3c4d5e6f70", "pending"), tuple("1a2b3c4d5e6f", "applied"));
	}

	@Test
	void theEndpointListsAsPendingWhatItsHistoryShowsPendingAtAnUnknownRevision() throws Exception {
		atUnknownRevision();
		Map<String, Object> body = Http.get(this.port, "/actuator/migrations").body();
		assertThat(body).containsEntry("pending", List.of("1a2b3c4d5e6f", "2b3c4d5e6f70"))
			.containsEntry("upToDate", false);
		assertThat(states(body)).containsExactly("unknown", "pending", "pending");
	}

	@Test
	void theEndpointAndHealthAgreeOnAChangedScript() throws Exception {
		this.migrations.upgrade("head");
		this.jdbc.update("UPDATE migrations_history SET checksum = 'edited' WHERE revision = '1a2b3c4d5e6f'");
		Map<String, Object> body = Http.get(this.port, "/actuator/migrations").body();
		assertThat(body).containsEntry("upToDate", false).containsEntry("pending", List.of());
		assertThat(states(body)).containsExactly("applied", "changed");
		assertThat(Http.get(this.port, "/actuator/migrations/1a2b").body()).containsEntry("state", "changed");
		assertThat(Http.get(this.port, "/actuator/health/migrations").body()).containsEntry("status", "DOWN");
	}

	/** The {@code state} of every history entry, in order. */
	private static List<Object> states(Map<String, Object> body) {
		return ((List<?>) body.get("history")).stream().<Object>map((entry) -> ((Map<?, ?>) entry).get("state")).toList();
	}

	private void atUnknownRevision() {
		this.migrations.stamp(List.of("1a2b3c4d5e6f"), false);
		this.jdbc.update("UPDATE migrations_version SET version_num = 'feedfacecafe'");
	}

}
