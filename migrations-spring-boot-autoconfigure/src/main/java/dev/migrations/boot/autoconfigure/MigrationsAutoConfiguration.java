package dev.migrations.boot.autoconfigure;

import javax.sql.DataSource;

import dev.migrations.Migrations;
import dev.migrations.MigrationsConfig;
import dev.migrations.script.JavaMigration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

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
			ObjectProvider<PreloadedScripts> preloadedScripts) {
		MigrationsConfig.Builder config = properties.configBuilder()
			.javaMigrations(javaMigrations.orderedStream().toList());
		ClassLoader classLoader = resourceLoader.getClassLoader();
		if (classLoader != null) {
			config.classLoader(classLoader);
		}
		customizers.orderedStream().forEach((customizer) -> customizer.customize(config));
		MigrationsConfig built = config.build();
		PreloadedScripts preloaded = preloadedScripts.getIfAvailable();
		return new Migrations(built, dataSource(properties, migrationsDataSource, applicationDataSource,
				connectionDetails), (preloaded != null) ? preloaded.scriptsFor(built) : null);
	}

	@Bean
	@ConditionalOnMissingBean
	MigrationsInitializer migrationsInitializer(Migrations migrations, MigrationsProperties properties,
			ObjectProvider<MigrationsStartupStrategy> strategy) {
		return new MigrationsInitializer(migrations, strategy.getIfAvailable(() -> startupStrategy(properties)));
	}

	private static MigrationsStartupStrategy startupStrategy(MigrationsProperties properties) {
		return switch (properties.getOnStartup()) {
			case UPGRADE -> MigrationsStartupStrategy.upgrade(properties.getTarget());
			case VALIDATE -> MigrationsStartupStrategy.validate(properties.getTarget());
			case NONE -> MigrationsStartupStrategy.none();
		};
	}

	/**
	 * The database migrations run on: the one marked {@link MigrationsDataSource}, else one of its own from
	 * {@code migrations.url}, else the application's (as {@code migrations.user} if set), else one built from the
	 * application's JDBC connection details.
	 */
	private static DataSource dataSource(MigrationsProperties properties,
			ObjectProvider<DataSource> migrationsDataSource, ObjectProvider<DataSource> applicationDataSource,
			ObjectProvider<JdbcConnectionDetails> connectionDetails) {
		DataSource qualified = migrationsDataSource.getIfAvailable();
		if (qualified != null) {
			return qualified;
		}
		if (properties.getUrl() != null) {
			return withCredentials(DataSourceBuilder.create().url(properties.getUrl()), properties).build();
		}
		DataSource application = applicationDataSource.getIfAvailable();
		if (application != null) {
			return (properties.getUser() != null)
					? withCredentials(DataSourceBuilder.derivedFrom(application), properties).build() : application;
		}
		JdbcConnectionDetails details = connectionDetails.getObject();
		DataSourceBuilder<?> builder = DataSourceBuilder.create()
			.url(details.getJdbcUrl())
			.username(details.getUsername())
			.password(details.getPassword())
			.driverClassName(details.getDriverClassName());
		return withCredentials(builder, properties).build();
	}

	/** A non-pooled DataSource, as migrations need a connection or two; migrations.user and password override. */
	private static DataSourceBuilder<?> withCredentials(DataSourceBuilder<?> builder,
			MigrationsProperties properties) {
		builder.type(SimpleDriverDataSource.class);
		if (properties.getUser() != null) {
			builder.username(properties.getUser());
		}
		if (properties.getPassword() != null) {
			builder.password(properties.getPassword());
		}
		return builder;
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
