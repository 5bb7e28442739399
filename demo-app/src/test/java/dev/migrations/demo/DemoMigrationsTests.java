package dev.migrations.demo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;

import dev.migrations.test.MigrationsTester;
import dev.migrations.test.spring.MigrationsTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every check of the demo's revisions, with the configuration of {@code application.properties}: single head,
 * upgrade from empty with a note seeded before the author column exists, the stairway through both branches and
 * their merge, lint, and the JPA entities mapping exactly the schema at head.
 */
@MigrationsTest(properties = "spring.datasource.url=jdbc:h2:mem:demo_migrations;DB_CLOSE_DELAY=-1")
class DemoMigrationsTests {

	@Autowired
	private MigrationsTester tester;

	@TestFactory
	Stream<DynamicNode> migrations() {
		return this.tester
			.seedAt("a1b2c3d4e5f6", "INSERT INTO notes (title, body) VALUES ('Groceries', 'milk, eggs')")
			.assertAt("e5f6a7b8c9d0", (connection) -> assertThat(titlesAndAuthors(connection))
				.containsExactly("Groceries by null", "Welcome by migrations"))
			.withLint()
			.withEntityPackages("dev.migrations.demo")
			.checks();
	}

	private static List<String> titlesAndAuthors(Connection connection) throws SQLException {
		List<String> notes = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT title, author FROM notes ORDER BY id")) {
			while (rows.next()) {
				notes.add(rows.getString(1) + " by " + rows.getString(2));
			}
		}
		return notes;
	}

}
