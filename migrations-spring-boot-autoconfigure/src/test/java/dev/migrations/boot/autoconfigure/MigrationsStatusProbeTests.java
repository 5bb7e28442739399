package dev.migrations.boot.autoconfigure;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.migrations.DriverManagerDataSource;
import dev.migrations.Migrations;
import dev.migrations.boot.autoconfigure.MigrationsStatusProbe.Reading;
import dev.migrations.boot.autoconfigure.endpoint.MigrationsEndpoint;
import dev.migrations.boot.autoconfigure.endpoint.MigrationsEndpoint.UnavailableDescriptor;
import dev.migrations.boot.autoconfigure.health.MigrationsHealthIndicator;
import dev.migrations.config.MigrationsConfig;
import dev.migrations.error.ErrorKind;
import dev.migrations.execute.RunResult;
import dev.migrations.testing.PostgresDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probe behind the endpoint and health, on a database that answers, one that stopped answering and a port where
 * nothing listens: a bound answer, the cause, the last state seen and when.
 */
class MigrationsStatusProbeTests {

	private static final Duration TIMEOUT = Duration.ofMillis(500);

	@Test
	void readsTheStatusOfADatabaseThatAnswersAndRemembersIt() {
		try (PostgresDatabase database = PostgresDatabase.create("boot_probe")) {
			Migrations migrations = new Migrations(MigrationsConfig.builder().build(), database.dataSource());
			migrations.upgrade("1a2b3c4d5e6f");
			MigrationsStatusProbe probe = new MigrationsStatusProbe(migrations, "head", TIMEOUT);
			Instant before = Instant.now();
			Reading reading = probe.read();
			assertThat(reading).isInstanceOfSatisfying(Reading.Read.class,
					(read) -> assertThat(read.status().current()).containsExactly("1a2b3c4d5e6f"));
			database.executeOnServer("DROP DATABASE " + database.name() + " WITH (FORCE)");
			assertThat(probe.read()).isInstanceOfSatisfying(Reading.Unavailable.class, (unavailable) -> {
				assertThat(unavailable.cause().kind()).isEqualTo(ErrorKind.CONNECTION);
				assertThat(unavailable.lastSeen()).isNotNull();
				assertThat(unavailable.lastSeen().current()).containsExactly("1a2b3c4d5e6f");
				assertThat(unavailable.lastSeen().pending()).containsExactly("2b3c4d5e6f70");
				assertThat(unavailable.lastSeen().upToDate()).isFalse();
				assertThat(unavailable.lastSeen().at()).isAfterOrEqualTo(before);
			});
		}
	}

	@Test
	void aPortWhereNothingListensIsUnavailableWithTheConnectionFailure() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		MigrationsStatusProbe probe = probeOn("jdbc:postgresql://127.0.0.1:" + closedPort + "/app");
		long started = System.nanoTime();
		Reading reading = probe.read();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
		assertThat(reading).isInstanceOfSatisfying(Reading.Unavailable.class, (unavailable) -> {
			assertThat(unavailable.cause().kind()).isEqualTo(ErrorKind.CONNECTION);
			assertThat(unavailable.cause().getMessage()).contains("Cannot connect to the database", "refused");
			assertThat(unavailable.lastSeen()).isNull();
		});
	}

	@Test
	void afterTheApplicationsOwnUpgradeHealthIsUpWithoutAskingTheDatabaseAndTheEndpointShowsTheLastState()
			throws IOException {
		try (SilentServer silent = new SilentServer()) {
			MigrationsStatusProbe probe = probeOn(silent.postgresUrl());
			Instant before = Instant.now();
			probe.migrated(new RunResult(List.of(), List.of(), List.of("2b3c4d5e6f70")));

			Health health = new MigrationsHealthIndicator(probe).health(true);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("current", List.of("2b3c4d5e6f70")).containsEntry("pending", 0);
			assertThat(silent.connections()).isZero();

			long started = System.nanoTime();
			WebEndpointResponse<OperationResponseBody> response = new MigrationsEndpoint(probe).migrations();
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
			assertThat(response.getStatus()).isEqualTo(503);
			assertThat(response.getBody()).isInstanceOfSatisfying(UnavailableDescriptor.class, (body) -> {
				assertThat(body.error().kind()).isEqualTo("connection");
				assertThat(body.lastSeen()).isNotNull();
				assertThat(body.lastSeen().current()).containsExactly("2b3c4d5e6f70");
				assertThat(body.lastSeen().upToDate()).isTrue();
				assertThat(body.lastSeen().at()).isAfterOrEqualTo(before);
			});
			assertThat(silent.connections()).isEqualTo(1);
		}
	}

	private static MigrationsStatusProbe probeOn(String url) {
		return new MigrationsStatusProbe(new Migrations(MigrationsConfig.builder().build(),
				new DriverManagerDataSource(url, "postgres", null)), "head", TIMEOUT);
	}

}
