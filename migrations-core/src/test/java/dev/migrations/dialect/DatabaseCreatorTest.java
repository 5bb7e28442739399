package dev.migrations.dialect;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.testing.MariaDbDatabase;
import dev.migrations.testing.PostgresDatabase;
import dev.migrations.testing.ServerDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Creating the database a URL names, on both servers, with a name of the test's own dropped afterwards. */
class DatabaseCreatorTest {

	enum Server {

		POSTGRESQL, MARIADB;

		ServerDatabase open() {
			return (this == POSTGRESQL) ? PostgresDatabase.create("creator") : MariaDbDatabase.create("creator");
		}

	}

	@ParameterizedTest
	@EnumSource(Server.class)
	void createsAMissingDatabaseOnceAndLeavesAnExistingOneAlone(Server kind) throws Exception {
		try (ServerDatabase server = kind.open()) {
			String name = "mig_created_" + Long.toHexString(ThreadLocalRandom.current().nextLong()).toLowerCase(Locale.ROOT);
			String url = server.jdbcUrl().replace("/" + server.name(), "/" + name);
			try {
				assertThat(DatabaseCreator.createIfMissing(url, server.user(), server.password())).contains(name);
				try (Connection connection = DriverManager.getConnection(url, server.user(), server.password())) {
					assertThat(connection.isValid(5)).isTrue();
				}
				assertThat(DatabaseCreator.createIfMissing(url, server.user(), server.password())).isEmpty();
				assertThat(DatabaseCreator.createIfMissing(server.jdbcUrl(), server.user(), server.password())).isEmpty();
			}
			finally {
				server.executeOnServer("DROP DATABASE IF EXISTS " + name);
			}
		}
	}

	@Test
	void h2CreatesItsOwnDatabase() {
		assertThat(DatabaseCreator.createIfMissing("jdbc:h2:mem:created", "sa", "")).isEmpty();
	}

	@Test
	void aUrlWithoutADatabaseNameSaysWhereTheNameGoes() {
		for (String url : List.of("jdbc:postgresql://127.0.0.1:5432", "jdbc:mariadb://127.0.0.1:3306/")) {
			assertThatThrownBy(() -> DatabaseCreator.createIfMissing(url, "root", null))
				.isInstanceOfSatisfying(MigrationsException.class,
						(ex) -> assertThat(ex.kind()).isEqualTo(ErrorKind.CONFIG))
				.hasMessageStartingWith("Can't create the database: the URL names none (jdbc:");
		}
	}

	@Test
	void aServerThatDoesNotAnswerIsAConnectionFailure() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		assertThatThrownBy(() -> DatabaseCreator.createIfMissing("jdbc:postgresql://127.0.0.1:" + closedPort + "/app",
				"postgres", null))
			.isInstanceOfSatisfying(MigrationsException.class,
					(ex) -> assertThat(ex.kind()).isEqualTo(ErrorKind.CONNECTION))
			.hasMessageStartingWith("Can't connect to the server at 127.0.0.1:" + closedPort + " to create database 'app'");
	}

}
