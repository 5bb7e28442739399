package dev.migrations.jpa;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.error.MigrationsException;
import dev.migrations.jpa.odd.ArchivedEntry;
import dev.migrations.jpa.odd.JsonDocument;
import dev.migrations.jpa.odd.Ranking;
import dev.migrations.jpa.odd.Server;
import dev.migrations.jpa.shop.CustomerOrder;
import dev.migrations.jpa.shop.Tag;
import dev.migrations.schema.Catalog;
import dev.migrations.schema.Column;
import dev.migrations.schema.Table;
import dev.migrations.testing.MariaDbDatabase;
import dev.migrations.testing.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The entities' schema as Hibernate maps it under Spring Boot's naming strategies, with the scratch place asked what
 * the database decides, on H2, PostgreSQL and MariaDB; the scratch place is gone afterwards.
 */
class EntitySchemaTest {

	private static final ClassLoader LOADER = EntitySchemaTest.class.getClassLoader();

	/**
	 * The compiled test classes but the acceptance test's and the mapped catalog test's models, copied so that the
	 * scan sees nothing else.
	 */
	@Test
	void findsTheEntitiesOfTheCompiledClasses(@TempDir Path classes) throws IOException {
		Path compiled = Path.of("target", "test-classes");
		try (Stream<Path> files = Files.walk(compiled)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Path relative = compiled.relativize(file);
				if (!relative.startsWith(Path.of("dev", "migrations", "jpa", "acceptance"))
						&& !relative.startsWith(Path.of("dev", "migrations", "jpa", "mapping"))) {
					Files.createDirectories(classes.resolve(relative).getParent());
					Files.copy(file, classes.resolve(relative));
				}
			}
		}
		assertThat(EntityClasses.scan(classes, LOADER)).containsExactly(ArchivedEntry.class, JsonDocument.class,
				Ranking.class, Server.class, CustomerOrder.class, Tag.class);
	}

	@Test
	void noEntitiesNamesWhereItLooked(@TempDir Path empty) {
		assertThatThrownBy(() -> EntityClasses.scan(empty, LOADER)).isInstanceOf(MigrationsException.class)
			.hasMessage("No JPA entities found: no class annotated @jakarta.persistence.Entity in " + empty);
	}

	@Test
	void h2TablesAreNamedAsSpringBootNamesThem() {
		Catalog catalog;
		try (ScratchDatabase scratch = ScratchDatabase.create("jdbc:h2:file:./target/never-opened;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", null)) {
			catalog = EntitySchema.read(List.of(CustomerOrder.class, Tag.class), Map.of(), LOADER, scratch);
		}
		assertSpringBootNames(catalog);
		assertThat(Files.exists(Path.of("target", "never-opened.mv.db"))).isFalse();
	}

	@Test
	void postgresSchemaIsReadBackAndDropped() throws SQLException {
		try (PostgresDatabase database = PostgresDatabase.create("entity_schema")) {
			Catalog catalog;
			try (ScratchDatabase scratch = ScratchDatabase.create(database.jdbcUrl(), database.user(),
					database.password())) {
				catalog = EntitySchema.read(List.of(CustomerOrder.class, Tag.class), Map.of(), LOADER, scratch);
			}
			assertSpringBootNames(catalog);
			assertThat(catalog.table("customer_order").orElseThrow().column("id").orElseThrow().type().sql())
				.isEqualTo("uuid");
			try (Connection connection = database.connect();
					ResultSet schemas = connection.createStatement()
						.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'migrations_autogen_%'")) {
				schemas.next();
				assertThat(schemas.getInt(1)).isZero();
			}
		}
	}

	@Test
	void mariaDbDatabaseIsReadBackAndDropped() throws SQLException {
		try (MariaDbDatabase database = MariaDbDatabase.create("entity_schema")) {
			Catalog catalog;
			try (ScratchDatabase scratch = ScratchDatabase.create(database.jdbcUrl(), database.user(),
					database.password())) {
				catalog = EntitySchema.read(List.of(CustomerOrder.class, Tag.class), Map.of(), LOADER, scratch);
			}
			assertSpringBootNames(catalog);
			try (Connection connection = database.connect();
					ResultSet databases = connection.createStatement()
						.executeQuery("SHOW DATABASES LIKE 'migrations\\_autogen\\_%'")) {
				assertThat(databases.next()).isFalse();
			}
		}
	}

	@Test
	void aSettingOfTheProjectReachesHibernate() {
		Map<String, String> properties = Map.of("spring.jpa.hibernate.naming.physical-strategy",
				"org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl");
		Catalog catalog;
		try (ScratchDatabase scratch = ScratchDatabase.create("jdbc:h2:mem:x", "sa", null)) {
			catalog = EntitySchema.read(List.of(CustomerOrder.class, Tag.class), properties, LOADER, scratch);
		}
		assertThat(catalog.tables()).extracting(Table::name).contains("CUSTOMERORDER", "CUSTOMERORDER_TAGS");
	}

	@Test
	void aTypeTheDatabaseCantHoldFailsInOneLineNamingIt() {
		try (ScratchDatabase scratch = ScratchDatabase.create("jdbc:h2:mem:x", "sa", null)) {
			assertThatThrownBy(() -> EntitySchema.read(List.of(JsonDocument.class), Map.of(), LOADER, scratch))
				.isInstanceOf(MigrationsException.class)
				.hasMessageStartingWith("Hibernate can't create the entities' schema: ")
				.hasMessageContaining("jsonb")
				.message()
				.doesNotContain("\n");
		}
	}

	@Test
	void aTypeTheDialectWritesAndTheDatabaseLacksIsNamedWithAColumnOfIt() {
		Map<String, String> properties = Map.of("spring.jpa.database-platform",
				"org.hibernate.dialect.PostgreSQLDialect");
		try (ScratchDatabase scratch = ScratchDatabase.create("jdbc:h2:mem:x", "sa", null)) {
			assertThatThrownBy(() -> EntitySchema.read(List.of(Server.class), properties, LOADER, scratch))
				.isInstanceOf(MigrationsException.class)
				.hasMessageStartingWith("Hibernate can't create the entities' schema: the type inet (server.address): ")
				.message()
				.doesNotContain("\n");
		}
	}

	/** Camel case to underscores, and the join table named after the owner's table and its property. */
	private static void assertSpringBootNames(Catalog catalog) {
		assertThat(catalog.tables()).extracting((table) -> table.name().toLowerCase(Locale.ROOT))
			.containsExactlyInAnyOrder("customer_order", "customer_order_tags", "tag");
		Table order = catalog.tables()
			.stream()
			.filter((table) -> table.name().equalsIgnoreCase("customer_order"))
			.findFirst()
			.orElseThrow();
		assertThat(order.columns()).extracting((column) -> column.name().toLowerCase(Locale.ROOT))
			.contains("order_number", "status");
		Column number = order.columns()
			.stream()
			.filter((column) -> column.name().equalsIgnoreCase("order_number"))
			.findFirst()
			.orElseThrow();
		assertThat(number.nullable()).isFalse();
	}

}
