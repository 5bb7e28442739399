package dev.migrations.test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import dev.migrations.config.MigrationsConfig;
import dev.migrations.schema.AddColumn;
import dev.migrations.schema.AddElement;
import dev.migrations.schema.AddSequence;
import dev.migrations.schema.AddTable;
import dev.migrations.schema.AlterColumn;
import dev.migrations.schema.Catalog;
import dev.migrations.schema.CatalogReaders;
import dev.migrations.schema.SchemaChange;
import dev.migrations.schema.SchemaDiff;
import dev.migrations.schema.TableFilter;

/**
 * What the stairway compares: the test database's catalog (the core's model, the engine's own tables left out),
 * and the differences between two reads in words a person acts on, such as {@code left index users_email_idx on
 * users(email)} or {@code column users.bio: varchar(200) after downgrade, varchar(100) before}.
 */
final class SchemaTrace {

	private final MigrationsConfig config;

	SchemaTrace(MigrationsConfig config) {
		this.config = config;
	}

	/** The catalog of the connections' current schema. */
	Catalog read(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return CatalogReaders.detect(connection)
				.read(connection, null,
						TableFilter.excludingMigrationTables(this.config.versionTable(), this.config.historyTable()));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the test database's catalog: " + ex.getMessage(), ex);
		}
	}

	/** What a downgrade left different from the catalog before the upgrade it undid; empty when nothing. */
	static List<String> leftByDowngrade(Catalog beforeUpgrade, Catalog afterDowngrade) {
		return SchemaDiff.between(beforeUpgrade, afterDowngrade)
			.changes()
			.stream()
			.map((change) -> describe(change, "left ", "dropped ", ", which was there before the upgrade",
					"after downgrade", "before"))
			.toList();
	}

	/** What an upgrade run again after its downgrade made different from its first run; empty when nothing. */
	static List<String> changedByReupgrade(Catalog firstUpgrade, Catalog reupgrade) {
		return SchemaDiff.between(firstUpgrade, reupgrade)
			.changes()
			.stream()
			.map((change) -> describe(change, "made ", "did not make ", ", which the first upgrade made",
					"after re-upgrade", "after the first upgrade"))
			.toList();
	}

	private static String describe(SchemaChange change, String extra, String missing, String missingReason,
			String now, String reference) {
		if (change instanceof AlterColumn alter) {
			return "left " + alter.subject() + ": " + alter.toValue() + " " + now + ", " + alter.fromValue() + " "
					+ reference;
		}
		if (change instanceof AddTable || change instanceof AddColumn || change instanceof AddElement
				|| change instanceof AddSequence) {
			return extra + change.subject();
		}
		if (change.inverse() instanceof AddTable || change.inverse() instanceof AddColumn
				|| change.inverse() instanceof AddElement || change.inverse() instanceof AddSequence) {
			return missing + change.subject() + missingReason;
		}
		return "left " + change.subject() + " changed (" + change.description() + ")";
	}

}
