package dev.migrations.demo;

import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migrations.test.FreshDatabases;
import dev.migrations.test.MigrationsTester;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's entities map exactly the schema its revisions make, on both databases it runs on: what
 * {@code ./mvnw -pl demo-app migrations:check} reports clean, and what Hibernate's {@code ddl-auto=validate} accepts.
 */
class DemoEntitiesTests {

	static Stream<Named<FreshDatabases>> databases() {
		return Stream.of(Named.of("PostgreSQL", TestDatabases.postgres()), Named.of("H2", TestDatabases.h2()));
	}

	@ParameterizedTest
	@MethodSource("databases")
	void entitiesMatchTheSchemaAtHead(FreshDatabases databases) {
		MigrationsTester tester = MigrationsTester.of(databases, "classpath:db/migrations")
			.withEntities(NoteEntity.class);
		assertThat(tester.checkModelMatchesHead().reported()).isEmpty();
	}

}
