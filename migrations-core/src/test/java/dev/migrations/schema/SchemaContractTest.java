package dev.migrations.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import dev.migrations.error.MigrationsException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The contract every catalog reader and the DDL it is diffed into meet on a real database: what a read finds, and
 * the round trip over {@link SchemaPairs}: create schema A and schema B apart, read both, diff A to B, upgrade A
 * with the diff's SQL (it must then read as B, value for value), downgrade it (it must read as A again). Each
 * subclass runs it in a database of its own, each case in schemas (on MariaDB, databases) of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SchemaContractTest {

	private final AtomicInteger spaces = new AtomicInteger();

	/** Creates the test's database. */
	abstract void createDatabase() throws Exception;

	abstract void dropDatabase() throws Exception;

	/** The reader's name for this database. */
	abstract String databaseName();

	/** Creates an empty schema (on MariaDB a database) and returns its name as the database stores it. */
	abstract String createSpace(String base) throws SQLException;

	/** A connection whose current schema is {@code space}. */
	abstract Connection connect(String space) throws SQLException;

	@BeforeAll
	void create() throws Exception {
		createDatabase();
	}

	@AfterAll
	void drop() throws Exception {
		dropDatabase();
	}

	/** A fresh schema holding what the statements create. */
	String space(String statements) throws SQLException {
		String space = createSpace("s" + this.spaces.incrementAndGet());
		try (Connection connection = connect(space)) {
			execute(connection, statements.split(";\\s*(\\n|$)"));
		}
		return space;
	}

	Catalog read(String space, TableFilter filter) throws SQLException {
		try (Connection connection = connect(space)) {
			CatalogReader reader = CatalogReaders.detect(connection);
			assertThat(reader.name()).isEqualTo(databaseName());
			return reader.read(connection, null, filter);
		}
	}

	Catalog read(String space) throws SQLException {
		return read(space, TableFilter.all());
	}

	private static void execute(Connection connection, String... statements) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				if (!sql.isBlank()) {
					statement.execute(sql);
				}
			}
		}
	}

	private static String lower(String text) {
		return text.toLowerCase(Locale.ROOT);
	}

	// --- reading ----------------------------------------------------------------------------------------------

	@Test
	void readsTablesColumnsKeysIndexesAndChecks() throws SQLException {
		String space = space("""
				CREATE TABLE orgs (id integer PRIMARY KEY, name varchar(80) NOT NULL);
				CREATE TABLE people (id integer PRIMARY KEY, org_id integer, email varchar(200) NOT NULL,
				  salary numeric(10,2) DEFAULT 0, age integer,
				  CONSTRAINT uq_people_email UNIQUE (email),
				  CONSTRAINT ck_people_age CHECK (age >= 0),
				  CONSTRAINT fk_people_org FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE SET NULL ON UPDATE CASCADE);
				CREATE INDEX people_age_idx ON people (age DESC, id)""");
		Catalog catalog = read(space);

		assertThat(catalog.tables()).extracting((table) -> lower(table.name())).containsExactly("orgs", "people");
		Table people = catalog.tables().get(1);
		assertThat(people.columns()).extracting((column) -> lower(column.name()))
			.containsExactly("age", "email", "id", "org_id", "salary");
		Column email = people.columns().get(1);
		assertThat(email.type().length()).isEqualTo(200);
		assertThat(email.nullable()).isFalse();
		Column salary = people.columns().get(4);
		assertThat(salary.type().precision()).isEqualTo(10);
		assertThat(salary.type().scale()).isEqualTo(2);
		assertThat(salary.nullable()).isTrue();
		assertThat(salary.defaultExpression()).isNotNull();
		assertThat(people.primaryKey().columns()).extracting(SchemaContractTest::lower).containsExactly("id");
		ForeignKey foreignKey = people.foreignKeys().get(0);
		assertThat(lower(foreignKey.name())).isEqualTo("fk_people_org");
		assertThat(foreignKey.columns()).extracting(SchemaContractTest::lower).containsExactly("org_id");
		assertThat(lower(foreignKey.targetTable())).isEqualTo("orgs");
		assertThat(foreignKey.targetSchema()).isNull();
		assertThat(foreignKey.onDelete()).isEqualTo(ForeignKey.Action.SET_NULL);
		assertThat(foreignKey.onUpdate()).isEqualTo(ForeignKey.Action.CASCADE);
		assertThat(people.checkConstraints()).extracting((check) -> lower(check.name())).containsExactly("ck_people_age");
		assertThat(lower(people.checkConstraints().get(0).expression())).contains("age").contains(">= 0");
		Index ageIndex = people.indexes().stream().filter((index) -> lower(index.name()).equals("people_age_idx")).findFirst().orElseThrow();
		assertThat(ageIndex.columns()).extracting((key) -> lower(key.expression()), Index.Key::descending)
			.containsExactly(tuple("age", true), tuple("id", false));
		assertThat(ageIndex.unique()).isFalse();
		assertThat(lower(ageIndex.describe(people.name()))).isEqualTo("index people_age_idx on people(age desc, id)");
	}

	@Test
	void readsTheSameSchemaTwiceAsEqualValues() throws SQLException {
		String statements = String.join(";\n", SchemaPairs.all().stream()
			.filter((pair) -> pair.databases().contains(databaseName()))
			.filter((pair) -> pair.name().equals("two tables linked by a foreign key added"))
			.map(SchemaPair::after)
			.toList());
		String first = space(statements);
		String second = space(statements);
		Catalog firstRead = read(first);
		assertThat(read(first)).isEqualTo(firstRead);
		assertThat(SchemaDiff.between(firstRead, read(second)).isEmpty()).isTrue();
		assertThat(read(second).tables()).isEqualTo(firstRead.tables());
	}

	@Test
	void theFilterLeavesOutTheEnginesTables() throws SQLException {
		String space = space("""
				CREATE TABLE migrations_version (version_num varchar(64) PRIMARY KEY);
				CREATE TABLE migrations_history (id integer PRIMARY KEY);
				CREATE TABLE migrations_version_lock (id integer PRIMARY KEY);
				CREATE TABLE users (id integer PRIMARY KEY)""");
		assertThat(read(space).tables()).hasSize(4);
		Catalog filtered = read(space, TableFilter.excludingMigrationTables("migrations_version", "migrations_history"));
		assertThat(filtered.tables()).extracting((table) -> lower(table.name())).containsExactly("users");
	}

	@Test
	void readsSequences() throws SQLException {
		String space = space("CREATE SEQUENCE order_numbers START WITH 100 INCREMENT BY 5 MINVALUE 1 MAXVALUE 100000");
		Sequence sequence = read(space).sequences().get(0);
		assertThat(lower(sequence.name())).isEqualTo("order_numbers");
		assertThat(sequence.start()).isEqualTo(100);
		assertThat(sequence.increment()).isEqualTo(5);
		assertThat(sequence.minValue()).isEqualTo(1);
		assertThat(sequence.maxValue()).isEqualTo(100000);
		assertThat(sequence.cycle()).isFalse();
	}

	@Test
	void anEmptySchemaReadsAsNoTablesAndNoDiff() throws SQLException {
		Catalog empty = read(space(""));
		assertThat(empty.tables()).isEmpty();
		assertThat(empty.sequences()).isEmpty();
		assertThat(SchemaDiff.between(empty, empty).isEmpty()).isTrue();
	}

	@Test
	void aMissingSchemaFailsInOneLineInsteadOfReadingAsEmpty() throws SQLException {
		String space = space("");
		try (Connection connection = connect(space)) {
			assertThatThrownBy(() -> CatalogReaders.detect(connection).read(connection, "no_such_schema", TableFilter.all()))
				.isInstanceOf(MigrationsException.class)
				.hasMessage("Schema 'no_such_schema' does not exist");
		}
	}

	// --- round trip -------------------------------------------------------------------------------------------

	@TestFactory
	Stream<DynamicTest> upgradeGivesTheSecondSchemaAndDowngradeTheFirst() {
		return SchemaPairs.all()
			.stream()
			.filter((pair) -> pair.databases().contains(databaseName()))
			.map((pair) -> DynamicTest.dynamicTest(pair.name(), () -> roundTrip(pair)));
	}

	private void roundTrip(SchemaPair pair) throws SQLException {
		String first = space(pair.before());
		Catalog before = read(first);
		Catalog after = read(space(pair.after()));
		SchemaDiff diff = SchemaDiff.between(before, after);
		assertThat(diff.descriptions()).extracting(SchemaContractTest::lower)
			.anySatisfy((description) -> assertThat(description).startsWith(lower(pair.expected())));

		try (Connection connection = connect(first)) {
			DdlWriter writer = DdlWriter.forConnection(connection);
			List<DdlStatement> upgrade = writer.upgrade(diff);
			List<DdlStatement> downgrade = writer.downgrade(diff);
			apply(connection, upgrade);
			assertSameSchema(read(first), after, "after upgrade:\n" + DdlStatement.script(upgrade));
			apply(connection, downgrade);
			assertSameSchema(read(first), before, "after downgrade:\n" + DdlStatement.script(downgrade));
		}
	}

	private static void apply(Connection connection, List<DdlStatement> statements) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (DdlStatement ddl : statements) {
				try {
					statement.execute(ddl.sql());
				}
				catch (SQLException ex) {
					throw new SQLException(ex.getMessage() + "\nin: " + ddl.sql(), ex);
				}
			}
		}
	}

	private static void assertSameSchema(Catalog actual, Catalog expected, String context) {
		assertThat(SchemaDiff.between(actual, expected).descriptions()).as(context).isEmpty();
		assertThat(actual.tables()).as(context).isEqualTo(expected.tables());
		assertThat(actual.sequences()).as(context).isEqualTo(expected.sequences());
	}

}
