package dev.migrations.boot.autoconfigure.integration;

import dev.migrations.testing.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @JdbcTest} slice on the application's own PostgreSQL database: the slice runs the migrations, as it runs
 * Spring Boot's Flyway support, so the test finds the tables the revisions create.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
class JdbcSliceTests {

	private static PostgresDatabase database;

	@Autowired
	private JdbcClient jdbcClient;

	@BeforeAll
	static void createDatabase() {
		database = PostgresDatabase.create("boot_slice");
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
	void theSliceMigratesTheDatabase() {
		assertThat(this.jdbcClient.sql("SELECT version_num FROM migrations_version").query(String.class).list())
			.containsExactly("2b3c4d5e6f70");
		assertThat(this.jdbcClient.sql("SELECT count(*) FROM note").query(Integer.class).single()).isZero();
	}

}
