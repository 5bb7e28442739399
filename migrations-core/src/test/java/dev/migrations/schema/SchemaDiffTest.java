package dev.migrations.schema;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.migrations.dialect.Dialects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The diff and its SQL on catalogs built by hand: Alembic's wording, the order of changes both ways, review notes,
 * and the texts the test kit builds its messages from. The contract test proves the same on real databases.
 */
class SchemaDiffTest {

	private static final DdlWriter POSTGRES = DdlWriter.of(Dialects.named("postgresql"), DdlWriter.Folding.LOWER);

	private static final DdlWriter MARIADB = DdlWriter.of(Dialects.named("mariadb"), DdlWriter.Folding.NONE);

	private static Column column(String name, String type, boolean nullable) {
		return new Column(name, ColumnType.parse(type), nullable, null, null, null, null);
	}

	private static Table table(String name, List<Column> columns, List<Index> indexes, List<ForeignKey> foreignKeys) {
		return new Table(name, columns, new PrimaryKey(name + "_pkey", List.of("id")), List.of(), indexes, foreignKeys,
				List.of(), null);
	}

	private static Catalog catalog(Table... tables) {
		return new Catalog("public", List.of(tables), List.of());
	}

	private static final Table USERS = table("users",
			List.of(column("id", "integer", false), column("name", "character varying(100)", false),
					column("bio", "character varying(200)", true)),
			List.of(), List.of());

	@Test
	void describesChangesInAlembicsWords() {
		Table after = table("users",
				List.of(column("id", "integer", false), column("name", "character varying(100)", true),
						column("bio", "character varying(100)", true).withDefault("'none'::character varying"),
						column("email", "character varying(200)", false)),
				List.of(new Index("users_email_idx", List.of(new Index.Key("email", false)), false, null)), List.of());

		SchemaDiff diff = SchemaDiff.between(catalog(USERS), catalog(after));

		assertThat(diff.descriptions()).containsExactly("Detected added column 'users.email'",
				"Detected type change from character varying(200) to character varying(100) on 'users.bio'",
				"Detected server default on column 'users.bio'", "Detected NULL on column 'users.name'",
				"Detected added index 'users_email_idx' on 'users(email)'");
		assertThat(SchemaDiff.between(catalog(), catalog(USERS)).descriptions())
			.containsExactly("Detected added table 'users'");
		assertThat(SchemaDiff.between(catalog(USERS), catalog()).descriptions())
			.containsExactly("Detected removed table 'users'");
	}

	@Test
	void namesWhatChangedAsTheTestKitReportsIt() {
		Table after = table("users", USERS.columns(),
				List.of(new Index("users_email_idx", List.of(new Index.Key("name", true)), true, null)), List.of());
		SchemaDiff diff = SchemaDiff.between(catalog(after), catalog(USERS));
		assertThat(diff.changes()).singleElement()
			.satisfies((change) -> assertThat("left " + change.subject())
				.isEqualTo("left unique index users_email_idx on users(name DESC)"));

		Column bio = USERS.column("bio").orElseThrow();
		Table narrower = table("users", List.of(bio.withType(ColumnType.parse("character varying(100)")),
				USERS.column("id").orElseThrow(), USERS.column("name").orElseThrow()), List.of(), List.of());
		AlterColumn alter = (AlterColumn) SchemaDiff.between(catalog(narrower), catalog(USERS)).changes().get(0);
		assertThat(alter.subject() + ": " + alter.toValue() + " after downgrade, " + alter.fromValue() + " before")
			.isEqualTo("column users.bio: character varying(200) after downgrade, character varying(100) before");
	}

	@Test
	void matchesForeignKeysByDefinitionWhateverTheirNames() {
		List<Column> columns = List.of(column("id", "integer", false), column("org_id", "integer", true));
		ForeignKey named = new ForeignKey("users_org_id_fkey", List.of("org_id"), null, "orgs", List.of("id"),
				ForeignKey.Action.CASCADE, ForeignKey.Action.NO_ACTION);
		ForeignKey hibernates = new ForeignKey("fkb15yxop81senc5xs5tjrsy4k4", List.of("org_id"), null, "orgs",
				List.of("id"), ForeignKey.Action.CASCADE, ForeignKey.Action.NO_ACTION);
		ForeignKey restricting = new ForeignKey("fkb15yxop81senc5xs5tjrsy4k4", List.of("org_id"), null, "orgs",
				List.of("id"), ForeignKey.Action.RESTRICT, ForeignKey.Action.NO_ACTION);

		assertThat(SchemaDiff.between(catalog(table("users", columns, List.of(), List.of(named))),
				catalog(table("users", columns, List.of(), List.of(hibernates))))
			.descriptions()).isEmpty();
		assertThat(SchemaDiff.between(catalog(table("users", columns, List.of(), List.of(named))),
				catalog(table("users", columns, List.of(), List.of(restricting))))
			.descriptions()).containsExactly("Detected removed foreign key 'users_org_id_fkey' on 'users(org_id)' to 'orgs(id)'",
					"Detected added foreign key 'fkb15yxop81senc5xs5tjrsy4k4' on 'users(org_id)' to 'orgs(id)'");
	}

	@Test
	void createsTablesBeforeTheKeysThatPointAtThemAndDropsKeysBeforeTheirTables() {
		Table orgs = table("orgs", List.of(column("id", "integer", false), column("owner_id", "integer", true)),
				List.of(), List.of(new ForeignKey("fk_orgs_owner", List.of("owner_id"), null, "users", List.of("id"),
						ForeignKey.Action.NO_ACTION, ForeignKey.Action.NO_ACTION)));
		Table users = table("users", List.of(column("id", "integer", false), column("org_id", "integer", true)),
				List.of(), List.of(new ForeignKey("fk_users_org", List.of("org_id"), null, "orgs", List.of("id"),
						ForeignKey.Action.CASCADE, ForeignKey.Action.NO_ACTION)));
		SchemaDiff diff = SchemaDiff.between(catalog(), catalog(orgs, users));

		assertThat(DdlStatement.script(POSTGRES.upgrade(diff))).isEqualTo("""
				CREATE TABLE orgs (
				  id integer NOT NULL,
				  owner_id integer,
				  CONSTRAINT orgs_pkey PRIMARY KEY (id)
				);
				CREATE TABLE users (
				  id integer NOT NULL,
				  org_id integer,
				  CONSTRAINT users_pkey PRIMARY KEY (id)
				);
				ALTER TABLE orgs ADD CONSTRAINT fk_orgs_owner FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE NO ACTION ON UPDATE NO ACTION;
				ALTER TABLE users ADD CONSTRAINT fk_users_org FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE CASCADE ON UPDATE NO ACTION;""");
		assertThat(DdlStatement.script(POSTGRES.downgrade(diff))).isEqualTo("""
				ALTER TABLE users DROP CONSTRAINT fk_users_org;
				ALTER TABLE orgs DROP CONSTRAINT fk_orgs_owner;
				-- review: drops table users and its rows
				DROP TABLE users;
				-- review: drops table orgs and its rows
				DROP TABLE orgs;""");
	}

	@Test
	void marksANotNullColumnAddedWithoutADefaultForReview() {
		Table after = table("users", List.of(column("id", "integer", false), column("name", "character varying(100)", false),
				column("bio", "character varying(200)", true), column("kind", "character varying(31)", false),
				column("tries", "integer", false).withDefault("0")), List.of(), List.of());
		SchemaDiff diff = SchemaDiff.between(catalog(USERS), catalog(after));

		assertThat(DdlStatement.script(POSTGRES.upgrade(diff))).isEqualTo("""
				-- review: adds NOT NULL column users.kind without a default: fails if the table has rows; give it a default or backfill it first
				ALTER TABLE users ADD COLUMN kind character varying(31) NOT NULL;
				ALTER TABLE users ADD COLUMN tries integer DEFAULT 0 NOT NULL;""");
	}

	@Test
	void marksDestructiveChangesAndPossibleRenamesForReview() {
		Table after = table("users", List.of(column("id", "integer", false), column("name", "character varying(50)", false),
				column("about", "character varying(200)", true)), List.of(), List.of());
		SchemaDiff diff = SchemaDiff.between(catalog(USERS), catalog(after));

		assertThat(DdlStatement.script(POSTGRES.upgrade(diff))).isEqualTo("""
				-- review: drops column users.bio and its values
				-- review: possible rename of bio to about: review
				ALTER TABLE users DROP COLUMN bio;
				ALTER TABLE users ADD COLUMN about character varying(200);
				-- review: narrows users.name from character varying(100) to character varying(50): existing values may not fit
				ALTER TABLE users ALTER COLUMN name TYPE character varying(50);""");
		assertThat(DdlStatement.script(MARIADB.downgrade(diff))).isEqualTo("""
				-- review: drops column users.about and its values
				-- review: possible rename of about to bio: review
				ALTER TABLE users DROP COLUMN about;
				ALTER TABLE users ADD COLUMN bio character varying(200) NULL;
				ALTER TABLE users MODIFY COLUMN name character varying(100) NOT NULL;""");
	}

	@Test
	void theInverseUndoesEachChangeAndItsInverseIsTheDiff() {
		Table after = table("users", List.of(column("id", "bigint", false), column("name", "character varying(100)", true)),
				List.of(), List.of());
		SchemaDiff diff = SchemaDiff.between(catalog(USERS), catalog(after));
		assertThat(diff.inverse().changes())
			.containsExactlyInAnyOrderElementsOf(SchemaDiff.between(catalog(after), catalog(USERS)).changes());
		assertThat(diff.inverse().inverse()).isEqualTo(diff);
	}

	@Test
	void quotesNamesTheDatabaseWouldFoldIntoAnotherCase() {
		DdlWriter h2 = DdlWriter.of(Dialects.named("h2"), DdlWriter.Folding.UPPER);
		Table lowerCase = new Table("users", List.of(column("ID", "integer", false)), null, List.of(), List.of(),
				List.of(), List.of(), null);
		assertThat(h2.upgrade(SchemaDiff.between(catalog(), catalog(lowerCase))).get(0).sql())
			.isEqualTo("CREATE TABLE \"users\" (\n  ID integer NOT NULL\n)");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			character varying(200)      | character varying |      | 200 |
			numeric(10,2)               | numeric           | 10   |     | 2
			timestamp(3) with time zone | timestamp with time zone | 3 | |
			int(10) unsigned            | int unsigned      |      | 10  |
			integer                     | integer           |      |     |
			enum('a','b')               | enum('a','b')     |      |     |
			character varying(20)[]     | character varying[] |    | 20  |
			""")
	void parsesTypesAsTheDatabasePrintsThemAndPrintsThemBack(String text, String name, Integer precision,
			Integer length, Integer scale) {
		ColumnType type = ColumnType.parse(text);
		assertThat(type).isEqualTo(new ColumnType(name, length, precision, scale));
		assertThat(type.sql()).isEqualTo(text);
	}

}
