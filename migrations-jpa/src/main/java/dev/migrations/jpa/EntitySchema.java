package dev.migrations.jpa;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.schema.Catalog;

/**
 * The schema the entities map to, as a catalog: Hibernate, configured as Spring Boot configures it, maps the
 * entities for the target's kind of database, and {@link MappedCatalog} builds the catalog from that mapping, asking
 * a scratch place of the same kind only what the database decides itself (how it spells each type, names what
 * nobody named, rewrites checks and defaults). So the catalog is what Hibernate's {@code ddl-auto=create} would
 * leave in that database, types and names included, and it compares value for value with the target's catalog.
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
	 * The entities' catalog, learned with the help of the scratch place.
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
	 * The entities' catalog, learned with the help of an empty place of the caller's, such as a test's own schema,
	 * which is left holding a few objects of the probe.
	 * @param scratch connections to the empty place, each starting in it
	 * @param schema the schema to read back, or {@code null} for the connection's current one
	 * @throws MigrationsException when Hibernate can't map the entities or the database can't hold their schema
	 */
	public static Catalog read(List<Class<?>> entities, Map<String, String> properties, ClassLoader loader,
			DataSource scratch, String schema) {
		try (HibernateMapping mapping = map(entities, properties, loader, scratch);
				Connection connection = scratch.getConnection()) {
			return MappedCatalog.read(mapping, connection, schema);
		}
		catch (ScratchProbe.TypeRefused ex) {
			throw cantCreate("the type " + ex.type() + ": " + ex.getMessage(), ex);
		}
		catch (SQLException ex) {
			throw cantCreate(ex.getMessage(), ex);
		}
	}

	/**
	 * Creates the entities' whole schema in an empty place, as Hibernate's {@code ddl-auto=create} does: for a
	 * test's database, or to compare the catalog {@link #read} builds with the one the database holds then.
	 * @throws MigrationsException when Hibernate can't map the entities or the database can't hold their schema
	 */
	public static void create(List<Class<?>> entities, Map<String, String> properties, ClassLoader loader,
			DataSource place) {
		try (HibernateMapping mapping = map(entities, properties, loader, place)) {
			mapping.runSchemaTool("create");
		}
		catch (RuntimeException ex) {
			if (ex instanceof MigrationsException) {
				throw ex;
			}
			throw cantCreate(rootMessage(ex), ex);
		}
	}

	/**
	 * Runs Hibernate's schema tool on the entities, configured as Spring Boot configures it, with a
	 * {@code jakarta.persistence.schema-generation.database.action} ({@code create}, {@code validate}).
	 * @throws RuntimeException Hibernate's own, when the mapping or the action fails
	 */
	static void runSchemaTool(List<Class<?>> entities, Map<String, String> properties, ClassLoader loader,
			DataSource dataSource, String action) {
		try (HibernateMapping mapping = HibernateMapping.of(entities, properties, loader, dataSource)) {
			mapping.runSchemaTool(action);
		}
	}

	private static HibernateMapping map(List<Class<?>> entities, Map<String, String> properties, ClassLoader loader,
			DataSource dataSource) {
		try {
			return HibernateMapping.of(entities, properties, loader, dataSource);
		}
		catch (RuntimeException ex) {
			throw new MigrationsException(ErrorKind.CONFIG, "Hibernate can't map the entities: " + rootMessage(ex),
					"Fix the mapping it names", ex);
		}
	}

	private static MigrationsException cantCreate(String reason, Exception cause) {
		return new MigrationsException(ErrorKind.CONFIG,
				"Hibernate can't create the entities' schema: " + oneLine(reason),
				"Fix the mapping it names (a type this database can't hold needs columnDefinition or another type)",
				cause);
	}

	private static String rootMessage(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
	}

	private static String oneLine(String message) {
		return message.strip().replaceAll("\\s*\\R\\s*", " ");
	}

}
