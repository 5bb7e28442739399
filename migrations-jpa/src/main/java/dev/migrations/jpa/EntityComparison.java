package dev.migrations.jpa;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import dev.migrations.DriverManagerDataSource;
import dev.migrations.Migrations;
import dev.migrations.NewRevision;
import dev.migrations.config.MigrationsConfig;
import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.report.CheckReport;
import dev.migrations.schema.Catalog;
import dev.migrations.schema.CatalogReaders;
import dev.migrations.schema.DdlStatement;
import dev.migrations.schema.DdlWriter;
import dev.migrations.schema.SchemaDiff;
import dev.migrations.schema.TableFilter;

/**
 * The entities compared with the schema at head, as autogenerate's {@code revision} and {@code check} need it: the
 * changes from the schema the scripts make to the schema the entities map to, and the statements both ways.
 *
 * @param diff the changes, in the order they run
 * @param upgrade the statements that bring the schema at head to the entities
 * @param downgrade the statements that take it back
 */
public record EntityComparison(SchemaDiff diff, List<DdlStatement> upgrade, List<DdlStatement> downgrade) {

	public EntityComparison {
		upgrade = List.copyOf(upgrade);
		downgrade = List.copyOf(downgrade);
	}

	/**
	 * Compares the entities with the configured database, which must be at head (Alembic's rule: a revision
	 * written against an older schema would repeat the pending revisions).
	 * @throws MigrationsException {@code Target database is not up to date.} when revisions are pending, or the
	 * database can't be reached, or the entities can't be mapped
	 */
	public static EntityComparison withDatabaseAtHead(MigrationsConfig config, String url, String user,
			String password, EntityModel entities) {
		requireHead(new Migrations(config, new DriverManagerDataSource(url, user, password)));
		return compare(config, url, user, password, entities);
	}

	/**
	 * Compares the entities with a scratch database of the caller's, which this upgrades to head first and
	 * downgrades to base afterwards, so that it is left empty.
	 */
	public static EntityComparison withScratchAtHead(MigrationsConfig config, String url, String user,
			String password, EntityModel entities) {
		Migrations scratch = new Migrations(config, new DriverManagerDataSource(url, user, password));
		scratch.upgrade("heads");
		try {
			return compare(config, url, user, password, entities);
		}
		finally {
			scratch.downgrade("base");
		}
	}

	/** The revision asked for, with its upgrade and downgrade sections filled from this comparison. */
	public NewRevision revision(NewRevision request) {
		return request.withSections(DdlStatement.script(this.upgrade), DdlStatement.script(this.downgrade));
	}

	private static void requireHead(Migrations migrations) {
		CheckReport report = migrations.check("heads");
		if (!report.pending().isEmpty()) {
			throw new MigrationsException(ErrorKind.STATE, "Target database is not up to date.",
					"Run migrations:upgrade first (" + report.pending().size()
							+ " pending revision(s)), or compare with a scratch database: -Dmigrations.dev-url=jdbc:...");
		}
		if (!report.ok()) {
			throw new MigrationsException(ErrorKind.CHECKSUM, String.join("; ", report.problems()),
					CheckReport.CHECKSUM_HINT);
		}
	}

	private static EntityComparison compare(MigrationsConfig config, String url, String user, String password,
			EntityModel entities) {
		DataSource head = new DriverManagerDataSource(url, user, password);
		try (Connection connection = head.getConnection()) {
			Catalog atHead = CatalogReaders.detect(connection)
				.read(connection, null,
						TableFilter.excludingMigrationTables(config.versionTable(), config.historyTable()));
			Catalog mapped;
			try (ScratchDatabase scratch = ScratchDatabase.create(url, user, password)) {
				mapped = EntitySchema.read(entities.classes(), entities.properties(), entities.loader(), scratch);
			}
			SchemaDiff diff = SchemaDiff.between(atHead, mapped);
			DdlWriter writer = DdlWriter.forConnection(connection);
			return new EntityComparison(diff, writer.upgrade(diff), writer.downgrade(diff));
		}
		catch (SQLException ex) {
			throw new MigrationsException(ErrorKind.CONNECTION, "Can't read the schema at head: " + ex.getMessage(),
					"Check the database URL and that it accepts connections", ex);
		}
	}

}
