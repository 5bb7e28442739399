package dev.migrations.boot.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.migrations.Migrations;
import dev.migrations.config.MigrationsConfig;
import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.settings.DatabaseChoice;
import dev.migrations.settings.MigrationInstances;
import dev.migrations.settings.PropertyLookup;
import dev.migrations.settings.SettingsResolver;
import dev.migrations.settings.SettingsSources;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.jdbc.metadata.DataSourcePoolMetadataProvider;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The application's named migration sets, {@code migrations.instances.<name>.*}: each on its own database with its
 * own options, read by the core's settings rule under the instance's prefix. Each instance gets an initializer bean
 * of its own, {@code migrationsInitializer[<name>]}, which Spring Boot counts as a database initializer; each depends
 * on the one before it in the run order, and the default set's {@code migrationsInitializer} on the last, so the
 * instances run in order, then the default set, then the application's database users.
 */
@AutoConfiguration(after = { DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class })
@Conditional(MigrationsInstancesAutoConfiguration.InstancesCondition.class)
@ConditionalOnBooleanProperty(name = "migrations.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MigrationsProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class MigrationsInstancesAutoConfiguration {

	/** The bean name of the default set's initializer, which runs after every instance's. */
	private static final String DEFAULT_INITIALIZER = "migrationsInitializer";

	/** The bean name of an instance's initializer. */
	static String initializerName(String instance) {
		return "migrationsInitializer[" + instance + "]";
	}

	@Bean
	MigrationsInstances migrationsInstances(MigrationsProperties properties, Environment environment,
			BeanFactory beanFactory, ResourceLoader resourceLoader, ObjectProvider<DataSource> applicationDataSource,
			ObjectProvider<JdbcConnectionDetails> connectionDetails,
			ObjectProvider<DataSourcePoolMetadataProvider> pools,
			ObjectProvider<MigrationsInstanceCustomizer> customizers) {
		SettingsSources sources = SettingsSources.application(lookup(environment));
		List<String> names = MigrationsInstances.declared(environment);
		boolean defaultSetRuns = beanFactory.containsBean(DEFAULT_INITIALIZER);
		List<MigrationsInstance> instances = new ArrayList<>();
		for (String name : names) {
			InstanceKeys.check(environment, name);
			try {
				MigrationsInstanceProperties options = properties.getInstances()
					.getOrDefault(name, new MigrationsInstanceProperties());
				MigrationsConfig.Builder config = SettingsResolver.resolve(sources, name).configBuilder();
				ClassLoader classLoader = resourceLoader.getClassLoader();
				if (classLoader != null) {
					config.classLoader(classLoader);
				}
				customizers.orderedStream().forEach((customizer) -> customizer.customize(name, config));
				DatabaseChoice database = SettingsResolver.database(sources, name);
				DataSource dataSource = (options.getDataSource() != null)
						? namedDataSource(name, options.getDataSource(), beanFactory)
						: MigrationsDataSources.forInstance(name, database, applicationDataSource, connectionDetails,
								pools.orderedStream().toList());
				// A job ends with the default set's run, or with the last instance's when there is no default set.
				boolean endsTheJob = !defaultSetRuns && name.equals(names.get(names.size() - 1));
				instances.add(instance(name, new Migrations(config.build(), dataSource, null), options, database,
						connectionDetails.getIfAvailable(), properties.getMode(), endsTheJob));
			}
			catch (RuntimeException ex) {
				throw MigrationsInstance.failure(name, ex);
			}
		}
		return new MigrationsInstances(instances);
	}

	@Bean
	static InitializerRegistrar migrationsInstancesInitializerRegistrar() {
		return new InitializerRegistrar();
	}

	/**
	 * The instance, its start-up as the default set's: its database created if it asks, its {@code on-startup}
	 * strategy, failures named after it, all in the application's run mode.
	 */
	private static MigrationsInstance instance(String name, Migrations migrations, MigrationsInstanceProperties options,
			DatabaseChoice database, @Nullable JdbcConnectionDetails details, MigrationsProperties.Mode mode,
			boolean endsTheJob) {
		MigrationsStatusProbe probe = new MigrationsStatusProbe(migrations, options.getTarget(),
				MigrationsStatusProbe.DEFAULT_TIMEOUT);
		MigrationsStartupStrategy strategy = MigrationsInstance.named(name,
				DatabaseCreation.beforeInstance(MigrationsAutoConfiguration.startupStrategy(options.getOnStartup(),
						options.getTarget(), options.getLint(), probe), name, options, database, details));
		return new MigrationsInstance(name, migrations, probe, endsTheJob ? RunModes.apply(mode, strategy, probe)
				: RunModes.applyBeforeLast(mode, strategy, probe));
	}

	/** The DataSource bean {@code data-source} names, or an error listing those there are. */
	private static DataSource namedDataSource(String instance, String beanName, BeanFactory beanFactory) {
		try {
			return beanFactory.getBean(beanName, DataSource.class);
		}
		catch (NoSuchBeanDefinitionException ex) {
			String known = (beanFactory instanceof ConfigurableListableBeanFactory listable)
					? String.join(", ", listable.getBeanNamesForType(DataSource.class)) : "";
			throw new MigrationsException(ErrorKind.CONFIG,
					"No DataSource bean named '" + beanName + "' for " + MigrationInstances.prefix(instance)
							+ "data-source",
					known.isEmpty() ? "Declare the DataSource bean, or set the instance's url instead"
							: "Name one of the DataSource beans: " + known);
		}
	}

	/** The application's configuration as Spring layered it, environment variables included. */
	private static PropertyLookup lookup(Environment environment) {
		return environment::getProperty;
	}

	/**
	 * Registers each instance's initializer before Spring Boot orders the database initializers, and chains them in
	 * the run order.
	 */
	static final class InitializerRegistrar implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {

		private @Nullable Environment environment;

		@Override
		public void setEnvironment(Environment environment) {
			this.environment = environment;
		}

		@Override
		public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
			if (this.environment == null || !(registry instanceof BeanFactory beanFactory)) {
				return;
			}
			String previous = null;
			for (String name : MigrationsInstances.declared(this.environment)) {
				RootBeanDefinition initializer = new RootBeanDefinition(MigrationsInitializer.class,
						() -> beanFactory.getBean(MigrationsInstances.class).get(name).initializer());
				// Migrated during start-up even under lazy initialization (a job's), with or without the default set.
				initializer.setLazyInit(false);
				if (previous != null) {
					initializer.setDependsOn(previous);
				}
				previous = initializerName(name);
				registry.registerBeanDefinition(previous, initializer);
			}
			if (previous != null && registry.containsBeanDefinition(DEFAULT_INITIALIZER)) {
				BeanDefinition defaultInitializer = registry.getBeanDefinition(DEFAULT_INITIALIZER);
				String[] dependsOn = defaultInitializer.getDependsOn();
				List<String> all = new ArrayList<>((dependsOn != null) ? List.of(dependsOn) : List.of());
				all.add(previous);
				defaultInitializer.setDependsOn(all.toArray(String[]::new));
			}
		}

	}

	/** Matches when some property names an instance: a key under {@code migrations.instances.<name>.}. */
	static final class InstancesCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			List<String> names = MigrationsInstances.declared(context.getEnvironment());
			return names.isEmpty() ? ConditionOutcome.noMatch("no migrations.instances.<name> is configured")
					: ConditionOutcome.match("migration instances " + String.join(", ", names));
		}

	}

}
