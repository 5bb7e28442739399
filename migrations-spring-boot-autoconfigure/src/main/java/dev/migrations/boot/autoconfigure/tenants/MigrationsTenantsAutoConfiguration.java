package dev.migrations.boot.autoconfigure.tenants;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.metadata.DataSourcePoolMetadataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

import dev.migrations.Migrations;
import dev.migrations.boot.autoconfigure.ConnectionPools;
import dev.migrations.boot.autoconfigure.MigrationsAutoConfiguration;
import dev.migrations.boot.autoconfigure.MigrationsProperties;
import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.tenant.TenantLayout;
import dev.migrations.tenant.TenantOptions;

/**
 * Tenants ({@code migrations.tenants.*}), where some are configured: {@code ids}, a {@code query}, or a
 * {@link TenantSource} bean. They are upgraded at start-up after the application's own database (see
 * {@link TenantsStartup}), and {@link TenantMigrations} migrates one at run time.
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class)
@ConditionalOnBean(Migrations.class)
@Conditional(MigrationsTenantsAutoConfiguration.TenantsConfiguredCondition.class)
@EnableConfigurationProperties({ TenantsProperties.class, MigrationsProperties.class })
public final class MigrationsTenantsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TenantSource tenantSource(TenantsProperties properties, Migrations migrations) {
		String query = properties.getQuery();
		if (query != null && !query.isBlank()) {
			DataSource dataSource = migrations.tenantSchemas().dataSource();
			return () -> queryIds(dataSource, query);
		}
		List<String> ids = List.copyOf(properties.getIds());
		return () -> ids;
	}

	@Bean
	@ConditionalOnMissingBean
	TenantMigrations tenantMigrations(Migrations migrations, TenantsProperties properties,
			MigrationsProperties migrationsProperties, TenantSource source,
			ObjectProvider<DataSourcePoolMetadataProvider> pools) {
		TenantLayout layout = layout(migrations, properties);
		Integer poolSize = (layout instanceof TenantLayout.SchemaPerTenant schemas)
				? ConnectionPools.maximumSize(schemas.dataSource(), pools.orderedStream().toList()) : null;
		TenantOptions options = new TenantOptions(TenantsParallelism.within(properties.getParallelism(), poolSize),
				properties.getOnFailure());
		Migrations tenantScripts = properties.getLocations().isEmpty() ? migrations
				: new Migrations(migrations.config().toBuilder().locations(properties.getLocations()).build(),
						migrations.tenantSchemas().dataSource());
		return new TenantMigrations(tenantScripts.tenants(layout, options), source, migrationsProperties.getTarget());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "migrations.tenants.upgrade-on-startup", matchIfMissing = true)
	TenantsStartup tenantsStartup(TenantMigrations tenants) {
		return new TenantsStartup(tenants);
	}

	private static TenantLayout layout(Migrations migrations, TenantsProperties properties) {
		if (properties.getMode() == TenantsProperties.Mode.SCHEMA) {
			return migrations.tenantSchemas();
		}
		if (properties.getUrl() == null) {
			throw new MigrationsException(ErrorKind.CONFIG,
					"migrations.tenants.mode=database needs migrations.tenants.url, and it is not set",
					"Set migrations.tenants.url to the tenants' JDBC URL with ${tenant} for the id, e.g. "
							+ "jdbc:postgresql://db/app_${tenant}");
		}
		return Migrations.tenantDatabases(properties.getUrl(), properties.getUser(), properties.getPassword());
	}

	/** The first column of the query's rows. */
	static List<String> queryIds(DataSource dataSource, String query) {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(query)) {
			List<String> ids = new ArrayList<>();
			while (rows.next()) {
				ids.add(rows.getString(1));
			}
			return ids;
		}
		catch (SQLException ex) {
			throw new MigrationsException(ErrorKind.CONFIG,
					"Could not list the tenants with migrations.tenants.query '" + query + "': " + ex.getMessage(),
					"Correct the query: its first column lists the tenant ids", ex);
		}
	}

	/** Matches when tenants are configured: ids, a query, or a {@link TenantSource} bean. */
	static final class TenantsConfiguredCondition extends AnyNestedCondition {

		TenantsConfiguredCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty("migrations.tenants.ids")
		private static final class IdsCondition {

		}

		@ConditionalOnProperty("migrations.tenants.ids[0]")
		private static final class IdsListCondition {

		}

		@ConditionalOnProperty("migrations.tenants.query")
		private static final class QueryCondition {

		}

		@ConditionalOnBean(TenantSource.class)
		private static final class SourceCondition {

		}

	}

}
