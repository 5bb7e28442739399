package dev.migrations.boot.autoconfigure;

import javax.sql.DataSource;

import dev.migrations.Migrations;
import dev.migrations.boot.autoconfigure.tenants.TenantsStartup;
import dev.migrations.config.MigrationsConfig;
import dev.migrations.script.JavaMigration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.jdbc.metadata.DataSourcePoolMetadataProvider;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * Builds {@link Migrations} over the application's database and runs it on start-up, before anything that uses the
 * database (see {@link MigrationsInitializerDatabaseInitializerDetector}). Backs off without a database, or with
 * {@code migrations.enabled=false}; every bean can be replaced by one of the application's. The scripts come from
 * {@link MigrationsPreloader} when it loaded them for this configuration.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@Conditional(MigrationsAutoConfiguration.MigrationsDatabaseCondition.class)
@ConditionalOnBooleanProperty(name = "migrations.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MigrationsProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
@ImportRuntimeHints(MigrationsRuntimeHints.class)
public final class MigrationsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Migrations migrations(MigrationsProperties properties, ResourceLoader resourceLoader,
			@MigrationsDataSource ObjectProvider<DataSource> migrationsDataSource,
			ObjectProvider<DataSource> applicationDataSource, ObjectProvider<JdbcConnectionDetails> connectionDetails,
			ObjectProvider<JavaMigration> javaMigrations, ObjectProvider<MigrationsConfigCustomizer> customizers,
			ObjectProvider<PreloadedScripts> preloadedScripts, ObjectProvider<DataSourcePoolMetadataProvider> pools,
			Environment environment) {
		MigrationsConfig.Builder config = properties.configBuilder()
			.javaMigrations(javaMigrations.orderedStream().toList());
		ClassLoader classLoader = resourceLoader.getClassLoader();
		if (classLoader != null) {
			config.classLoader(classLoader);
		}
		customizers.orderedStream().forEach((customizer) -> customizer.customize(config));
		MigrationsConfig built = config.build();
		DataSource dataSource = MigrationsDataSources.pick(properties, migrationsDataSource.getIfAvailable(),
				applicationDataSource, connectionDetails, pools.orderedStream().toList(),
				environment.getProperty("spring.datasource.url"));
		return new Migrations(built, dataSource, preloadedScripts.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	MigrationsStatusProbe migrationsStatusProbe(Migrations migrations, MigrationsProperties properties) {
		return new MigrationsStatusProbe(migrations, properties.getTarget(), MigrationsStatusProbe.DEFAULT_TIMEOUT);
	}

	@Bean
	@ConditionalOnMissingBean
	MigrationsInitializer migrationsInitializer(Migrations migrations, MigrationsProperties properties,
			ObjectProvider<MigrationsStartupStrategy> strategy, MigrationsStatusProbe probe,
			@MigrationsDataSource ObjectProvider<DataSource> migrationsDataSource,
			ObjectProvider<JdbcConnectionDetails> connectionDetails, ObjectProvider<TenantsStartup> tenants) {
		MigrationsStartupStrategy chosen = strategy.getIfAvailable(() -> startupStrategy(properties.getOnStartup(),
				properties.getTarget(), properties.getLint(), probe));
		TenantsStartup tenantsStartup = tenants.getIfAvailable();
		MigrationsStartupStrategy withTenants = (tenantsStartup != null)
				? tenantsStartup.after(chosen, properties.getMode() == MigrationsProperties.Mode.JOB) : chosen;
		return new MigrationsInitializer(migrations, RunModes.apply(properties.getMode(),
				DatabaseCreation.before(withTenants, properties, migrationsDataSource.getIfAvailable(),
						connectionDetails.getIfAvailable()),
				probe));
	}

	/**
	 * Keeps the initializer out of {@code spring.main.lazy-initialization}: the database is migrated during
	 * start-up, not by whichever request first reaches a bean that depends on it.
	 */
	@Bean
	static LazyInitializationExcludeFilter migrationsInitializerLazyInitializationExcludeFilter() {
		return LazyInitializationExcludeFilter.forBeanTypes(MigrationsInitializer.class);
	}

	/** The strategy {@code on-startup} names, of a set; an upgrade tells the probe what it left. */
	static MigrationsStartupStrategy startupStrategy(MigrationsProperties.OnStartup onStartup, String target,
			MigrationsProperties.Lint lint, MigrationsStatusProbe probe) {
		return switch (onStartup) {
			case UPGRADE -> (migrations) -> probe.migrated(StartupActions.upgrade(migrations, target, lint));
			case VALIDATE -> MigrationsStartupStrategy.validate(target);
			case NONE -> (migrations) -> StartupActions.reportPending(migrations, target);
		};
	}

	/** Matches when there is a database to migrate: a DataSource, JDBC connection details or migrations.url. */
	static final class MigrationsDatabaseCondition extends AnyNestedCondition {

		MigrationsDatabaseCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBean(DataSource.class)
		private static final class DataSourceBeanCondition {

		}

		@ConditionalOnBean(JdbcConnectionDetails.class)
		private static final class JdbcConnectionDetailsBeanCondition {

		}

		@ConditionalOnProperty("migrations.url")
		private static final class MigrationsUrlCondition {

		}

	}

}
