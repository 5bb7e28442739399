package dev.migrations.jpa;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.relational.Database;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.boot.model.relational.internal.SqlStringGenerationContextImpl;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.SchemaToolingSettings;
import org.hibernate.dialect.Dialect;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

/**
 * The entities as Hibernate maps them for one database, configured as Spring Boot configures it: the mapping model
 * ({@code org.hibernate.mapping}), the dialect chosen for the database behind the data source, and the context
 * Hibernate's own DDL exporters need. Closing it releases Hibernate's services.
 */
final class HibernateMapping implements AutoCloseable {

	private final StandardServiceRegistry registry;

	private final Map<String, Object> settings;

	private final Metadata metadata;

	private HibernateMapping(StandardServiceRegistry registry, Map<String, Object> settings, Metadata metadata) {
		this.registry = registry;
		this.settings = settings;
		this.metadata = metadata;
	}

	/**
	 * Maps the entities for the database behind {@code dataSource} (one connection is opened, to learn the
	 * database and its version, as the application's Hibernate does).
	 * @throws RuntimeException Hibernate's own, when the entities can't be mapped
	 */
	static HibernateMapping of(List<Class<?>> entities, Map<String, String> properties, ClassLoader loader,
			DataSource dataSource) {
		Map<String, Object> settings = new HashMap<>(HibernateSettings.of(properties, loader));
		settings.put(JdbcSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
		settings.put(SchemaToolingSettings.HBM2DDL_HALT_ON_ERROR, "true");
		BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build();
		StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap).applySettings(settings).build();
		try {
			MetadataSources sources = new MetadataSources(registry);
			entities.forEach(sources::addAnnotatedClass);
			return new HibernateMapping(registry, settings, sources.getMetadataBuilder().build());
		}
		catch (RuntimeException ex) {
			StandardServiceRegistryBuilder.destroy(registry);
			throw ex;
		}
	}

	Metadata metadata() {
		return this.metadata;
	}

	Database database() {
		return this.metadata.getDatabase();
	}

	Dialect dialect() {
		return database().getDialect();
	}

	/** What Hibernate's DDL exporters render names with: the default schema left implicit. */
	SqlStringGenerationContext sqlContext() {
		return SqlStringGenerationContextImpl.fromConfigurationMap(database().getJdbcEnvironment(), database(),
				this.settings);
	}

	/**
	 * Runs Hibernate's schema tool on the entities with a
	 * {@code jakarta.persistence.schema-generation.database.action} ({@code create}, {@code validate}).
	 * @throws RuntimeException Hibernate's own, when the action fails
	 */
	void runSchemaTool(String action) {
		Map<String, Object> withAction = new HashMap<>(this.settings);
		withAction.put(SchemaToolingSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, action);
		SchemaManagementToolCoordinator.process(this.metadata, this.registry, withAction, (ignored) -> {
		});
	}

	@Override
	public void close() {
		StandardServiceRegistryBuilder.destroy(this.registry);
	}

}
