package com.example.shop;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import dev.migrations.test.MigrationsTester;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;
import dev.migrations.test.spring.MigrationsTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every check of the shop's revisions with its {@code application.yml}, on PostgreSQL from Testcontainers where
 * Docker runs, else the local server: the price conversion meets a seeded product.
 */
@MigrationsTest
class ShopMigrationsTests {

	private static final TestDatabase database = TestDatabases.postgres().create("shop");

	@Autowired
	private MigrationsTester tester;

	@AfterAll
	static void dropDatabase() {
		database.close();
	}

	@TestFactory
	Stream<DynamicNode> migrations() {
		return this.tester.seedAt("5a1b2c3d4e5f", "INSERT INTO products (name, price_cents) VALUES ('tea', 350)")
			.assertAt("6b2c3d4e5f6a", (connection) -> {
				try (Statement statement = connection.createStatement();
						ResultSet rows = statement.executeQuery("SELECT price FROM products WHERE name = 'tea'")) {
					assertThat(rows.next()).isTrue();
					assertThat(rows.getBigDecimal(1)).isEqualByComparingTo(new BigDecimal("3.50"));
				}
			})
			.withLint()
			.checks();
	}

	@TestConfiguration
	static class TestDatabaseConfiguration {

		@Bean
		DataSource dataSource() {
			return database.dataSource();
		}

	}

}
