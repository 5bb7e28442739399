package dev.migrations.test;

import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migrations.error.MigrationsException;
import dev.migrations.test.model.extra.Customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The model check on PostgreSQL and H2 (whose names are upper case): entities that map to the schema the revisions make pass; an entity with a
 * column no revision adds fails with Alembic's line and the statement that would add it.
 */
class ModelCheckTests {

	static Stream<Named<FreshDatabases>> databases() {
		return Stream.of(Named.of("PostgreSQL", TestDatabases.postgres()), Named.of("H2", TestDatabases.h2()));
	}

	private static MigrationsTester tester(FreshDatabases databases) {
		return MigrationsTester.of(databases, "classpath:sets/model");
	}

	@ParameterizedTest
	@MethodSource("databases")
	void entitiesMatchingTheRevisionsPass(FreshDatabases databases) {
		assertThat(tester(databases).withEntities(dev.migrations.test.model.matching.Customer.class)
			.checkModelMatchesHead()
			.reported()).isEmpty();
		assertThat(tester(databases).withEntityPackages("dev.migrations.test.model.matching")
			.checkModelMatchesHead()
			.reported()).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("databases")
	void anExtraColumnFailsWithTheRevisionThatAddsIt(FreshDatabases databases) {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> tester(databases).withEntities(Customer.class).checkModelMatchesHead())
			.satisfies((failure) -> assertThat(failure.getMessage()).isEqualToIgnoringCase(String.join(
					System.lineSeparator(), "The JPA entities differ from the schema at head:",
					"Detected added column 'customer.nickname'",
					"The revision that would make them match (./mvnw migrations:revision writes it from the entities):",
					"ALTER TABLE customer ADD COLUMN nickname character varying(50);")));
	}

	@Test
	void aPackageWithoutEntitiesIsNamedEvenBesideOneWithThem() {
		assertThatThrownBy(() -> tester(TestDatabases.h2()).withEntityPackages("dev.migrations.test.model.matching",
				"dev.migrations.test.model.matchnig"))
			.isInstanceOf(MigrationsException.class)
			.hasMessage("No JPA entities found: no class annotated @jakarta.persistence.Entity in package "
					+ "dev.migrations.test.model.matchnig");
	}

	@Test
	void theCheckNeedsEntities() {
		assertThatIllegalStateException().isThrownBy(() -> tester(TestDatabases.h2()).checkModelMatchesHead())
			.withMessage("No JPA entities to compare with the schema at head: call withEntities(...) or "
					+ "withEntityPackages(...) first");
	}

}
