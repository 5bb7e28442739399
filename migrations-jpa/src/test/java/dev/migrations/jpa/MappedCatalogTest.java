package dev.migrations.jpa;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migrations.jpa.odd.ArchivedEntry;
import dev.migrations.jpa.odd.Ranking;
import dev.migrations.jpa.shop.CustomerOrder;
import dev.migrations.jpa.shop.Tag;
import dev.migrations.schema.Catalog;
import dev.migrations.schema.CatalogReaders;
import dev.migrations.schema.SchemaDiff;
import dev.migrations.schema.Table;
import dev.migrations.schema.TableFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog {@link EntitySchema#read} builds from Hibernate's mapping equals, value for value, the catalog of the
 * schema Hibernate's own {@code create} leaves in the same kind of database: for every entity model of the
 * autogenerate acceptance test, the shop model and models of names the database decides, on PostgreSQL, H2, H2 in
 * PostgreSQL mode and MariaDB.
 */
class MappedCatalogTest {

	private static final ClassLoader LOADER = MappedCatalogTest.class.getClassLoader();

	/** An entity model, named after its classes. */
	record Model(List<Class<?>> entities) {

		@Override
		public String toString() {
			return this.entities.stream().map(Class::getSimpleName).collect(Collectors.joining("+"));
		}

	}

	static Stream<Arguments> models() {
		Set<List<Class<?>>> models = new LinkedHashSet<>();
		for (AutogenerateAcceptanceTest.ModelChange change : AutogenerateAcceptanceTest.changes()) {
			models.add(change.before());
			models.add(change.after());
		}
		models.add(List.of(CustomerOrder.class, Tag.class));
		models.add(List.of(Ranking.class));
		List<Arguments> arguments = new ArrayList<>();
		for (List<Class<?>> model : models) {
			for (AcceptanceDatabase.Kind kind : AcceptanceDatabase.Kind.values()) {
				arguments.add(Arguments.of(new Model(model), kind));
			}
		}
		return arguments.stream();
	}

	@ParameterizedTest(name = "{0} on {1}")
	@MethodSource("models")
	void theMappedCatalogIsTheOneHibernateCreates(Model model, AcceptanceDatabase.Kind kind) throws Exception {
		try (AcceptanceDatabase database = AcceptanceDatabase.create(kind)) {
			Catalog created = createdByHibernate(database, model.entities());
			Catalog mapped;
			try (ScratchDatabase scratch = ScratchDatabase.create(database.jdbcUrl(), database.user(),
					database.password())) {
				mapped = EntitySchema.read(model.entities(), Map.of(), LOADER, scratch);
			}
			assertThat(SchemaDiff.between(created, mapped).descriptions()).isEmpty();
			assertThat(mapped.tables()).isEqualTo(created.tables());
			assertThat(mapped.sequences()).isEqualTo(created.sequences());
		}
	}

	@Test
	void anEntityOfAnotherSchemaIsLeftOut() {
		Catalog mapped;
		try (ScratchDatabase scratch = ScratchDatabase.create("jdbc:h2:mem:x", "sa", null)) {
			mapped = EntitySchema.read(List.of(ArchivedEntry.class, Tag.class), Map.of(), LOADER, scratch);
		}
		assertThat(mapped.tables()).extracting(Table::name).containsExactly("TAG");
	}

	/** The catalog of the schema Hibernate's {@code create} leaves in a scratch place beside the database. */
	private static Catalog createdByHibernate(AcceptanceDatabase database, List<Class<?>> entities)
			throws SQLException {
		try (ScratchDatabase scratch = ScratchDatabase.create(database.jdbcUrl(), database.user(),
				database.password()); Connection connection = scratch.dataSource().getConnection()) {
			EntitySchema.create(entities, Map.of(), LOADER, scratch.dataSource());
			if ("H2".equals(connection.getMetaData().getDatabaseProductName())) {
				H2ConstraintNames.nameInvented(connection);
			}
			return CatalogReaders.detect(connection).read(connection, scratch.schema(), TableFilter.all());
		}
	}

}
