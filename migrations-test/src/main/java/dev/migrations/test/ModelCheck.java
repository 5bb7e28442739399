package dev.migrations.test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import dev.migrations.config.MigrationsConfig;
import dev.migrations.jpa.EntitySchema;
import dev.migrations.schema.Catalog;
import dev.migrations.schema.CatalogReaders;
import dev.migrations.schema.DdlStatement;
import dev.migrations.schema.DdlWriter;
import dev.migrations.schema.SchemaDiff;
import dev.migrations.schema.TableFilter;

/**
 * The JPA entities against the schema at head, as pytest-alembic's "model matches DDL": a database upgraded to every
 * head and the schema Hibernate would create for the entities (built from its mapping, with an empty database asked
 * what it decides), compared value for value, must not differ. The failure is the revision that would make them equal: Alembic's lines and the upgrade statements.
 */
final class ModelCheck {

	private ModelCheck() {
	}

	static Check of(ScriptsUnderTest scripts, FreshDatabases databases, EntityModel model) {
		CheckDatabase atHead = new CheckDatabase(databases, "model_head");
		CheckDatabase mapped = new CheckDatabase(databases, "model_entities");
		return new Check("model", List.of(new Check.Step("entities match the schema at head",
				() -> verify(scripts, atHead, mapped, model))), () -> {
					try (atHead; mapped) {
						// closing drops both, the second even when dropping the first fails
					}
				});
	}

	private static void verify(ScriptsUnderTest scripts, CheckDatabase atHead, CheckDatabase mapped,
			EntityModel model) throws SQLException {
		scripts.on(atHead.dataSource()).upgrade("heads");
		Catalog entities = EntitySchema.read(model.entities(), model.properties(), model.loader(),
				mapped.dataSource(), null);
		MigrationsConfig config = scripts.config();
		try (Connection connection = atHead.dataSource().getConnection()) {
			Catalog head = CatalogReaders.detect(connection)
				.read(connection, null, TableFilter.excludingMigrationTables(config.versionTable(),
						config.historyTable()));
			SchemaDiff diff = SchemaDiff.between(head, entities);
			if (diff.isEmpty()) {
				return;
			}
			List<DdlStatement> upgrade = DdlWriter.forConnection(connection).upgrade(diff);
			String nl = System.lineSeparator();
			throw new AssertionError("The JPA entities differ from the schema at head:" + nl
					+ String.join(nl, diff.descriptions()) + nl
					+ "The revision that would make them match (./mvnw migrations:revision writes it from the entities):" + nl
					+ DdlStatement.script(upgrade));
		}
	}

}
