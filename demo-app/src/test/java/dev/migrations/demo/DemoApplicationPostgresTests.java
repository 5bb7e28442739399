package dev.migrations.demo;

import dev.migrations.testing.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The demo's {@code postgres} profile, pointed at a PostgreSQL database of the test's own. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
@DirtiesContext
class DemoApplicationPostgresTests {

	private static PostgresDatabase database;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void createDatabase() {
		database = PostgresDatabase.create("demo");
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
	void startsWithTheDatabaseAtHead() {
		DemoApplicationTests.assertAtHead(this.port);
	}

}
