package dev.migrations.boot.autoconfigure.integration;

import java.io.IOException;

import dev.migrations.boot.autoconfigure.SilentServer;
import org.junit.jupiter.api.AfterAll;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DatabaseUnavailableTests} on a database that stopped answering: a server that accepts connections and never
 * replies.
 */
class DatabaseDownTests extends DatabaseUnavailableTests {

	private static final SilentServer server = new SilentServer();

	@DynamicPropertySource
	static void useTheSilentDatabase(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", server::postgresUrl);
		registry.add("spring.datasource.username", () -> "postgres");
	}

	@Override
	void assertTheCause(String message) {
		assertThat(message).isEqualTo("The database did not answer within 1000 ms");
	}

	@AfterAll
	static void stopServer() throws IOException {
		server.close();
	}

}
