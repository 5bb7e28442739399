package dev.migrations.jpa;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
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

import dev.migrations.error.MigrationsException;
import dev.migrations.jpa.mapping.MappingModels;
import dev.migrations.jpa.mapping.MappingModels.LongNamed;
import dev.migrations.jpa.mapping.MappingModels.Rating;
import dev.migrations.jpa.mapping.MoreMappingModels;
import dev.migrations.jpa.mapping.MoreMappingModels.Setting;
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
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The catalog {@link EntitySchema#read} builds from Hibernate's mapping equals, value for value, the catalog of the
 * schema Hibernate's own {@code create} leaves in the same kind of database: for every entity model of the
 * autogenerate acceptance test, the shop model, models of names the database decides and the models of mapping
 * features ({@link MappingModels}, {@link MoreMappingModels}), on PostgreSQL, H2, H2 in PostgreSQL mode and MariaDB.
 */
class MappedCatalogTest {

	private static final ClassLoader LOADER = MappedCatalogTest.class.getClassLoader();

	/** The models of one entity Hibernate can't create on some kinds of database ({@link #uncreatable}). */
	private static final Map<Class<?>, Set<AcceptanceDatabase.Kind>> UNCREATABLE = Map.of(Rating.class,
			EnumSet.of(AcceptanceDatabase.Kind.H2_POSTGRESQL_MODE), LongNamed.class,
			EnumSet.of(AcceptanceDatabase.Kind.MARIADB), Setting.class, EnumSet.of(AcceptanceDatabase.Kind.H2,
					AcceptanceDatabase.Kind.H2_POSTGRESQL_MODE, AcceptanceDatabase.Kind.MARIADB));

	/**
	 * An entity model, named after its classes, with the project's properties it is mapped with and the kinds of
	 * database it runs on.
	 */
	record Model(List<Class<?>> entities, Map<String, String> properties, Set<AcceptanceDatabase.Kind> kinds) {

		Model(List<Class<?>> entities) {
			this(entities, Map.of(), EnumSet.allOf(AcceptanceDatabase.Kind.class));
		}

		@Override
		public String toString() {
			String classes = this.entities.stream().map(Class::getSimpleName).collect(Collectors.joining("+"));
			return this.properties.isEmpty() ? classes : classes + " with " + this.properties;
		}

	}

	static Stream<Arguments> models() {
		Set<Model> models = new LinkedHashSet<>();
		for (AutogenerateAcceptanceTest.ModelChange change : AutogenerateAcceptanceTest.changes()) {
			models.add(new Model(change.before()));
			models.add(new Model(change.after()));
		}
		models.add(new Model(List.of(CustomerOrder.class, Tag.class)));
		models.add(new Model(List.of(Ranking.class)));
		models.addAll(mappingModels());
		List<Arguments> arguments = new ArrayList<>();
		for (Model model : models) {
			for (AcceptanceDatabase.Kind kind : model.kinds()) {
				arguments.add(Arguments.of(model, kind));
			}
		}
		return arguments.stream();
	}

	/**
	 * The models of {@link MappingModels}, one mapping feature or a few at a time, each on the databases where
	 * Hibernate can create it: {@link #hibernateItselfCannotCreate} proves the pairs left out.
	 */
	private static List<Model> mappingModels() {
		List<Class<?>> references = List.of(MappingModels.Country.class, MappingModels.City.class,
				MappingModels.Person.class, MappingModels.Passport.class, MappingModels.OrderLine.class,
				MappingModels.Enrollment.class);
		return List.of(new Model(List.of(MappingModels.OrderLine.class, MappingModels.Enrollment.class)),
				new Model(List.of(MappingModels.Playlist.class, MappingModels.Customer.class)),
				new Model(List.of(MappingModels.Measurement.class)),
				new Model(List.of(MappingModels.Rating.class), Map.of(), allBut(UNCREATABLE.get(Rating.class))),
				new Model(List.of(MappingModels.Ticket.class, MappingModels.Invoice.class,
						MappingModels.CreditNote.class, MappingModels.Receipt.class)),
				new Model(List.of(MappingModels.Account.class)), new Model(references),
				new Model(List.of(MappingModels.PurchaseOrder.class, MappingModels.Customer.class)),
				new Model(references, Map.of("spring.jpa.properties.hibernate.globally_quoted_identifiers", "true"),
						EnumSet.allOf(AcceptanceDatabase.Kind.class)),
				new Model(List.of(MappingModels.LongNamed.class), Map.of(),
						allBut(UNCREATABLE.get(LongNamed.class))),
				new Model(List.of(MoreMappingModels.Album.class, MoreMappingModels.Song.class)),
				new Model(List.of(MoreMappingModels.Contact.class, MoreMappingModels.ContactPhoto.class)),
				new Model(List.of(MoreMappingModels.Truck.class, MoreMappingModels.Boat.class,
						MoreMappingModels.Transfer.class)),
				new Model(List.of(Setting.class), Map.of(), allBut(UNCREATABLE.get(Setting.class))),
				new Model(List.of(MoreMappingModels.Manuscript.class, MoreMappingModels.Appendix.class)),
				new Model(List.of(MappingModels.City.class, MappingModels.Country.class, MappingModels.Playlist.class),
						Map.of("spring.jpa.hibernate.naming.physical-strategy",
								"org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl"),
						EnumSet.allOf(AcceptanceDatabase.Kind.class)));
	}

	private static Set<AcceptanceDatabase.Kind> allBut(Set<AcceptanceDatabase.Kind> left) {
		return EnumSet.complementOf(EnumSet.copyOf(left));
	}

	/**
	 * Where Hibernate can't create the model, by either route: H2 in PostgreSQL mode has no {@code tinyint} nor
	 * {@code blob}, which H2's dialect writes for an ordinal enum and a {@code @Lob byte[]}; MariaDB keeps names of
	 * 64 characters at most and refuses longer ones; H2 and MariaDB reserve {@code key}, a column name PostgreSQL
	 * takes unquoted.
	 */
	static Stream<Arguments> uncreatable() {
		return UNCREATABLE.entrySet()
			.stream()
			.flatMap((pair) -> pair.getValue().stream().map((kind) -> Arguments.of(pair.getKey(), kind)));
	}

	@ParameterizedTest(name = "{0} on {1}")
	@MethodSource("uncreatable")
	void hibernateItselfCannotCreate(Class<?> entity, AcceptanceDatabase.Kind kind) throws Exception {
		try (AcceptanceDatabase database = AcceptanceDatabase.create(kind);
				ScratchDatabase scratch = ScratchDatabase.create(database.jdbcUrl(), database.user(),
						database.password())) {
			assertThatExceptionOfType(MigrationsException.class)
				.isThrownBy(() -> EntitySchema.create(List.of(entity), Map.of(), LOADER, scratch.dataSource()))
				.withMessageStartingWith("Hibernate can't create the entities' schema: ");
			assertThatExceptionOfType(MigrationsException.class)
				.isThrownBy(() -> EntitySchema.read(List.of(entity), Map.of(), LOADER, scratch))
				.withMessageStartingWith("Hibernate can't create the entities' schema: ");
		}
	}

	@ParameterizedTest(name = "{0} on {1}")
	@MethodSource("models")
	void theMappedCatalogIsTheOneHibernateCreates(Model model, AcceptanceDatabase.Kind kind) throws Exception {
		try (AcceptanceDatabase database = AcceptanceDatabase.create(kind)) {
			Catalog created = createdByHibernate(database, model);
			Catalog mapped;
			try (ScratchDatabase scratch = ScratchDatabase.create(database.jdbcUrl(), database.user(),
					database.password())) {
				mapped = EntitySchema.read(model.entities(), model.properties(), LOADER, scratch);
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
	private static Catalog createdByHibernate(AcceptanceDatabase database, Model model)
			throws SQLException {
		try (ScratchDatabase scratch = ScratchDatabase.create(database.jdbcUrl(), database.user(),
				database.password()); Connection connection = scratch.dataSource().getConnection()) {
			EntitySchema.create(model.entities(), model.properties(), LOADER, scratch.dataSource());
			if ("H2".equals(connection.getMetaData().getDatabaseProductName())) {
				H2ConstraintNames.nameInvented(connection);
			}
			return CatalogReaders.detect(connection).read(connection, scratch.schema(), TableFilter.all());
		}
	}

}
