package dev.migrations.boot.autoconfigure;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.settings.DatabaseChoice;
import dev.migrations.settings.Login;
import dev.migrations.settings.MigrationInstances;
import dev.migrations.settings.PropertyLookup;
import dev.migrations.settings.SettingsResolver;
import dev.migrations.settings.SettingsSources;
import org.springframework.beans.factory.NoUniqueBeanDefinitionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.jdbc.metadata.DataSourcePoolMetadataProvider;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Picks the database migrations run on: the one marked {@link MigrationsDataSource}, else the core's settings rule
 * ({@link SettingsResolver#database}), which the command line follows too: one of its own from {@code migrations.url},
 * else the application's (as {@code migrations.user} if set), else one built from the application's JDBC connection
 * details.
 */
final class MigrationsDataSources {

	private static final Log logger = LogFactory.getLog(MigrationsDataSources.class);

	private MigrationsDataSources() {
	}

	/**
	 * @param properties the {@code migrations.*} properties
	 * @param qualified the DataSource marked {@link MigrationsDataSource}, if any
	 * @param application the DataSources an unqualified injection point sees
	 * @param connectionDetails the application's JDBC connection details, used when there is no DataSource
	 * @param poolMetadata what Spring Boot knows of connection pools
	 * @param springDatasourceUrl {@code spring.datasource.url}, if set
	 */
	static DataSource pick(MigrationsProperties properties, @Nullable DataSource qualified,
			ObjectProvider<DataSource> application, ObjectProvider<JdbcConnectionDetails> connectionDetails,
			Collection<DataSourcePoolMetadataProvider> poolMetadata, @Nullable String springDatasourceUrl) {
		DataSource unique = unique(application, qualified);
		if (qualified != null) {
			if (qualified == unique && springDatasourceUrl != null) {
				throw tookOverTheApplicationDataSource();
			}
			return qualified;
		}
		DatabaseChoice choice = SettingsResolver
			.database(SettingsSources.application(configuration(properties)));
		return ofChoice(choice, unique, connectionDetails, poolMetadata);
	}

	/**
	 * The database of a named instance, as the settings rule chose it over the application's configuration: one of
	 * its own from its {@code url}, else the application's (as its {@code user} if set).
	 * @param instance the instance's name, for messages
	 */
	static DataSource forInstance(String instance, DatabaseChoice choice, ObjectProvider<DataSource> application,
			ObjectProvider<JdbcConnectionDetails> connectionDetails,
			Collection<DataSourcePoolMetadataProvider> poolMetadata) {
		DataSource unique = null;
		if (choice instanceof DatabaseChoice.Application) {
			try {
				unique = application.getIfAvailable();
			}
			catch (NoUniqueBeanDefinitionException ex) {
				String prefix = MigrationInstances.prefix(instance);
				throw new MigrationsException(ErrorKind.CONFIG, "Found " + ex.getNumberOfBeansFound()
						+ " DataSources and migration instance '" + instance + "' names none",
						"Set " + prefix + "data-source to the name of the DataSource bean to migrate, or " + prefix
								+ "url");
			}
		}
		return ofChoice(choice, unique, connectionDetails, poolMetadata);
	}

	/** A database of migrations' own, else the application's DataSource, else one from its connection details. */
	private static DataSource ofChoice(DatabaseChoice choice, @Nullable DataSource unique,
			ObjectProvider<JdbcConnectionDetails> connectionDetails,
			Collection<DataSourcePoolMetadataProvider> poolMetadata) {
		if (choice instanceof DatabaseChoice.Dedicated dedicated) {
			return withLogin(DataSourceBuilder.create().url(dedicated.url()), dedicated.login()).build();
		}
		// Of an application's configuration alone, the rule chooses a database of migrations' own or the application's.
		Login login = ((DatabaseChoice.Application) choice).migrationsLogin();
		if (unique != null) {
			if (login.user() != null) {
				return withLogin(DataSourceBuilder.derivedFrom(unique), login).build();
			}
			Integer poolSize = ConnectionPools.maximumSize(unique, poolMetadata);
			if (poolSize != null && poolSize < ConnectionPools.CONNECTIONS_A_RUN_NEEDS) {
				logger.info("The connection pool holds " + poolSize + " connection(s) and a migration run needs "
						+ ConnectionPools.CONNECTIONS_A_RUN_NEEDS
						+ ": migrations open connections of their own to the same database");
				return withLogin(DataSourceBuilder.derivedFrom(unique), login).build();
			}
			return unique;
		}
		JdbcConnectionDetails details = connectionDetails.getObject();
		DataSourceBuilder<?> builder = DataSourceBuilder.create()
			.url(details.getJdbcUrl())
			.username(details.getUsername())
			.password(details.getPassword())
			.driverClassName(details.getDriverClassName());
		return withLogin(builder, login).build();
	}

	/**
	 * What the settings rule reads to choose, as Spring bound it (Spring has layered the environment over the files
	 * already); the application's DataSource knows its own URL and login.
	 */
	private static PropertyLookup configuration(MigrationsProperties properties) {
		Map<String, String> values = new HashMap<>();
		putIfSet(values, "migrations.url", properties.getUrl());
		putIfSet(values, "migrations.user", properties.getUser());
		putIfSet(values, "migrations.password", properties.getPassword());
		return PropertyLookup.of(values);
	}

	private static void putIfSet(Map<String, String> values, String key, @Nullable String value) {
		if (value != null) {
			values.put(key, value);
		}
	}

	/**
	 * The application's DataSource; with several and none {@code @Primary}, an error that names
	 * {@link MigrationsDataSource} unless one is marked so (and then the others do not matter here).
	 */
	private static @Nullable DataSource unique(ObjectProvider<DataSource> application, @Nullable DataSource qualified) {
		try {
			return application.getIfAvailable();
		}
		catch (NoUniqueBeanDefinitionException ex) {
			if (qualified != null) {
				return null;
			}
			throw new MigrationsException(ErrorKind.CONFIG,
					"Found " + ex.getNumberOfBeansFound() + " DataSources and none is marked for migrations"
							+ ((ex.getBeanNamesFound() != null) ? ": " + String.join(", ", ex.getBeanNamesFound()) : ""),
					"Mark the one to migrate with @MigrationsDataSource (and the application's main one @Primary), "
							+ "or set migrations.url");
		}
	}

	/**
	 * A plain {@code @Bean @MigrationsDataSource} is still a candidate for every DataSource injection point, so
	 * Spring Boot's own DataSource backs off and the application would run on the migration database.
	 */
	private static MigrationsException tookOverTheApplicationDataSource() {
		return new MigrationsException(ErrorKind.CONFIG,
				"The DataSource marked @MigrationsDataSource is the application's only DataSource, "
						+ "so the one spring.datasource.url describes was never created",
				"Declare the migration DataSource with @Bean(defaultCandidate = false) @MigrationsDataSource, "
						+ "so that Spring Boot still creates the application's DataSource from spring.datasource.*");
	}

	/** A non-pooled DataSource, as migrations need a connection or two; migrations.user and password override. */
	private static DataSourceBuilder<?> withLogin(DataSourceBuilder<?> builder, Login login) {
		builder.type(SimpleDriverDataSource.class);
		if (login.user() != null) {
			builder.username(login.user());
		}
		if (login.password() != null) {
			builder.password(login.password());
		}
		return builder;
	}

}
