package dev.migrations.jpa;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.SchemaToolingSettings;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.schema.Catalog;
import dev.migrations.schema.CatalogReaders;
import dev.migrations.schema.TableFilter;

/**
 * The schema the entities map to, as a catalog: Hibernate, configured as Spring Boot configures it, creates the
 * entities' tables in a scratch place of the target's kind, and the core's catalog reader reads them back. So the
 * catalog is what Hibernate's {@code ddl-auto=validate} expects of that database, types and names included, and it
 * compares value for value with the target's catalog read the same way.
 */
public final class EntitySchema {

	/**
	 * Hibernate logs through {@code java.util.logging} here, where Maven prints every INFO line (its version, the
	 * scratch connection); warnings and errors still print. Held, as the logging keeps loggers weakly.
	 */
	private static final Logger HIBERNATE_LOG = Logger.getLogger("org.hibernate");

	static {
		HIBERNATE_LOG.setLevel(Level.WARNING);
	}

	private EntitySchema() {
	}

	/**
	 * Creates the entities' schema in the scratch place and reads it.
	 * @param entities the mapped classes ({@link EntityClasses})
	 * @param properties the project's configuration, for {@code spring.jpa.*}
	 * @param loader the project's class loader
	 * @throws MigrationsException when Hibernate can't map the entities or the database can't hold their schema
	 */
	public static Catalog read(List<Class<?>> entities, Map<String, String> properties, ClassLoader loader,
			ScratchDatabase scratch) {
		return read(entities, properties, loader, scratch.dataSource(), scratch.schema());
	}

	/**
	 * Creates the entities' schema in an empty place of the caller's, such as a test's own schema, and reads it.
	 * @param scratch connections to the empty place, each starting in it
	 * @param schema the schema to read back, or {@code null} for the connection's current one
	 * @throws MigrationsException when Hibernate can't map the entities or the database can't hold their schema
	 */
	public static Catalog read(List<Class<?>> entities, Map<String, String> properties, ClassLoader loader,
			DataSource scratch, String schema) {
		try {
			runSchemaTool(entities, properties, loader, scratch, "create");
		}
		catch (RuntimeException ex) {
			throw new MigrationsException(ErrorKind.CONFIG,
					"Hibernate can't create the entities' schema: " + rootMessage(ex),
					"Fix the mapping it names (a type this database can't hold needs columnDefinition or another type)",
					ex);
		}
		try (Connection connection = scratch.getConnection()) {
			if ("H2".equals(connection.getMetaData().getDatabaseProductName())) {
				H2ConstraintNames.nameInvented(connection);
			}
			return CatalogReaders.detect(connection).read(connection, schema, TableFilter.all());
		}
		catch (SQLException ex) {
			throw new MigrationsException(ErrorKind.STATE, "Can't read the entities' schema back: " + ex.getMessage(),
					"Check that the database user may read the catalog", ex);
		}
	}

	/**
	 * Runs Hibernate's schema tool on the entities, configured as Spring Boot configures it, with a
	 * {@code jakarta.persistence.schema-generation.database.action} ({@code create}, {@code validate}).
	 * @throws RuntimeException Hibernate's own, when the mapping or the action fails
	 */
	static void runSchemaTool(List<Class<?>> entities, Map<String, String> properties, ClassLoader loader,
			DataSource dataSource, String action) {
		Map<String, Object> settings = new HashMap<>(HibernateSettings.of(properties, loader));
		settings.put(JdbcSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
		settings.put(SchemaToolingSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, action);
		settings.put(SchemaToolingSettings.HBM2DDL_HALT_ON_ERROR, "true");
		BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build();
		StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap).applySettings(settings).build();
		try {
			MetadataSources sources = new MetadataSources(registry);
			entities.forEach(sources::addAnnotatedClass);
			Metadata metadata = sources.getMetadataBuilder().build();
			SchemaManagementToolCoordinator.process(metadata, registry, settings, (ignored) -> {
			});
		}
		finally {
			StandardServiceRegistryBuilder.destroy(registry);
		}
	}

	private static String rootMessage(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
		return message.strip().replaceAll("\\s*\\R\\s*", " ");
	}

}
