package dev.migrations.boot.autoconfigure.modes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import dev.migrations.testing.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrations.mode=async}: the application starts while a slow revision runs; readiness is OUT_OF_SERVICE
 * meanwhile and liveness UP, then readiness UP once the database is at the target. The revision waits for an
 * advisory lock the test holds until it has seen the application up (however long the start-up takes on a busy
 * machine), then sleeps ({@code pg_sleep}).
 */
@SpringBootTest(classes = ModesApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "migrations.mode=async", "management.endpoint.health.probes.enabled=true",
				"management.endpoint.health.show-details=always", "spring.jpa.hibernate.ddl-auto=none" })
@DirtiesContext
class AsyncModeTests {

	private static final PostgresDatabase database = PostgresDatabase.create("boot_async");

	private static final Path scripts = slowRevision();

	/** Held by the test until it has seen readiness out of service; the revision waits for it. */
	private static final Connection gate = holdTheGate();

	private static final long GATE = 727272;

	private static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void useDatabase(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", database::jdbcUrl);
		registry.add("spring.datasource.username", database::user);
		registry.add("migrations.locations", () -> "filesystem:" + scripts);
	}

	@AfterAll
	static void dropDatabase() throws SQLException {
		gate.close();
		database.close();
	}

	@Test
	void readinessIsOutOfServiceWhileTheSlowRevisionRunsThenUp() throws Exception {
		HttpResponse<String> readiness = get("/actuator/health/readiness");
		assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(503);
		assertThat(readiness.body()).contains("\"status\":\"OUT_OF_SERVICE\"", "\"upgrading\":true");
		assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		try (Statement statement = gate.createStatement()) {
			statement.execute("SELECT pg_advisory_unlock(" + GATE + ")");
		}

		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (readiness.statusCode() != 200 && System.nanoTime() < deadline) {
			Thread.sleep(200);
			readiness = get("/actuator/health/readiness");
		}
		assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"status\":\"UP\"");
		assertThat(new JdbcTemplate(database.dataSource())
			.queryForList("SELECT version_num FROM migrations_version", String.class)).containsExactly("5a5a5a5a5a5a");
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static Connection holdTheGate() {
		try {
			Connection connection = database.connect();
			try (Statement statement = connection.createStatement()) {
				statement.execute("SELECT pg_advisory_lock(" + GATE + ")");
			}
			return connection;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A revision that waits for the gate, then sleeps a second. */
	private static Path slowRevision() {
		try {
			Path directory = Files.createTempDirectory("async-scripts");
			directory.toFile().deleteOnExit();
			Path script = Files.writeString(directory.resolve("1_slow.sql"), "-- Revision ID: 5a5a5a5a5a5a\n"
					+ "-- Revises:\n-- Message: slow\n\n-- migrate:upgrade\nSELECT pg_advisory_lock(727272);\n"
					+ "SELECT pg_advisory_unlock(727272);\nSELECT pg_sleep(1);\n"
					+ "CREATE TABLE slow (id int);\n");
			script.toFile().deleteOnExit();
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
