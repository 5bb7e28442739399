package dev.migrations.maven;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import dev.migrations.DriverManagerDataSource;
import dev.migrations.Migrations;
import dev.migrations.config.MigrationsConfig;
import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.jpa.EntityClasses;
import dev.migrations.jpa.EntitySchema;
import dev.migrations.jpa.ScratchDatabase;
import dev.migrations.report.CheckReport;
import dev.migrations.schema.Catalog;
import dev.migrations.schema.CatalogReaders;
import dev.migrations.schema.DdlStatement;
import dev.migrations.schema.DdlWriter;
import dev.migrations.schema.SchemaDiff;
import dev.migrations.schema.TableFilter;
import dev.migrations.settings.DatabaseUrl;

/**
 * The project's entities compared with the schema at head, as {@code revision} and {@code check} need it: the
 * changes from the schema the scripts make to the schema the entities map to, and the statements both ways.
 *
 * @param diff the changes, in the order they run
 * @param upgrade the statements that bring the schema at head to the entities
 * @param downgrade the statements that take it back
 */
record EntityComparison(SchemaDiff diff, List<DdlStatement> upgrade, List<DdlStatement> downgrade) {

	/**
	 * Compares the entities under {@code classesDirectory} with the schema at head: the configured database, which
	 * must be at head, or with {@code devUrl} a scratch database upgraded here and downgraded to base afterwards.
	 */
	static EntityComparison of(Goal goal, Path classesDirectory, String devUrl) {
		List<Class<?>> entities = EntityClasses.scan(classesDirectory, goal.projectClassLoader());
		ProjectSettings settings = goal.settings();
		if (devUrl == null) {
			requireHead(goal.migrations());
			return compare(goal, entities, settings.url(), settings.user(), settings.password());
		}
		DatabaseUrl dev = DatabaseUrl.parse(devUrl, "-Dmigrations.dev-url");
		String user = (dev.user() != null) ? dev.user() : settings.user();
		String password = (dev.password() != null) ? dev.password() : settings.password();
		Migrations scratch = new Migrations(goal.config(), new DriverManagerDataSource(dev.jdbcUrl(), user, password));
		scratch.upgrade("heads");
		try {
			return compare(goal, entities, dev.jdbcUrl(), user, password);
		}
		finally {
			scratch.downgrade("base");
		}
	}

	/** Alembic's rule: a revision is written against a database at head, or it would repeat pending changes. */
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

	private static EntityComparison compare(Goal goal, List<Class<?>> entities, String url, String user,
			String password) {
		MigrationsConfig config = goal.config();
		DataSource head = new DriverManagerDataSource(url, user, password);
		try (Connection connection = head.getConnection()) {
			Catalog atHead = CatalogReaders.detect(connection)
				.read(connection, null, TableFilter.excludingMigrationTables(config.versionTable(),
						config.historyTable()));
			Catalog mapped;
			try (ScratchDatabase scratch = ScratchDatabase.create(url, user, password)) {
				mapped = EntitySchema.read(entities, goal.settings().properties(), goal.projectClassLoader(), scratch);
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
