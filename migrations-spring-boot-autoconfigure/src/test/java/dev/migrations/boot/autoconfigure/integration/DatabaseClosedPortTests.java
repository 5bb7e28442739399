package dev.migrations.boot.autoconfigure.integration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DatabaseUnavailableTests} on a stopped database: a port where nothing listens, so every connection is
 * refused. The pool goes on trying until its connection timeout, so a probe meanwhile says the database did not answer
 * in time, and one after it the refusal.
 */
class DatabaseClosedPortTests extends DatabaseUnavailableTests {

	private static final int closedPort = closedPort();

	@DynamicPropertySource
	static void useTheStoppedDatabase(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + closedPort + "/app");
		registry.add("spring.datasource.username", () -> "postgres");
	}

	@Override
	void assertTheCause(String message) {
		assertThat(message).satisfiesAnyOf(
				(timedOut) -> assertThat(timedOut).isEqualTo("The database did not answer within 1000 ms"),
				(refused) -> assertThat(refused).startsWith("Cannot connect to the database: ")
					.contains("127.0.0.1:" + closedPort, "refused"));
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
