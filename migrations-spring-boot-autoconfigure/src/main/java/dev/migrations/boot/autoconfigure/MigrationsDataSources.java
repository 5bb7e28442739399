package dev.migrations.boot.autoconfigure;

import java.util.Collection;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import org.springframework.beans.factory.NoUniqueBeanDefinitionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.jdbc.metadata.CompositeDataSourcePoolMetadataProvider;
import org.springframework.boot.jdbc.metadata.DataSourcePoolMetadata;
import org.springframework.boot.jdbc.metadata.DataSourcePoolMetadataProvider;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Picks the database migrations run on: the one marked {@link MigrationsDataSource}, else one of its own from
 * {@code migrations.url}, else the application's (as {@code migrations.user} if set), else one built from the
 * application's JDBC connection details.
 */
final class MigrationsDataSources {

	private static final Log logger = LogFactory.getLog(MigrationsDataSources.class);

	/** A run holds the lock on one connection while its scripts run on another. */
	private static final int CONNECTIONS_A_RUN_NEEDS = 2;

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
		if (properties.getUrl() != null) {
			return withCredentials(DataSourceBuilder.create().url(properties.getUrl()), properties).build();
		}
		if (unique != null) {
			if (properties.getUser() != null) {
				return withCredentials(DataSourceBuilder.derivedFrom(unique), properties).build();
			}
			Integer poolSize = maximumPoolSize(unique, poolMetadata);
			if (poolSize != null && poolSize < CONNECTIONS_A_RUN_NEEDS) {
				logger.info("The connection pool holds " + poolSize + " connection(s) and a migration run needs "
						+ CONNECTIONS_A_RUN_NEEDS + ": migrations open connections of their own to the same database");
				return withCredentials(DataSourceBuilder.derivedFrom(unique), properties).build();
			}
			return unique;
		}
		JdbcConnectionDetails details = connectionDetails.getObject();
		DataSourceBuilder<?> builder = DataSourceBuilder.create()
			.url(details.getJdbcUrl())
			.username(details.getUsername())
			.password(details.getPassword())
			.driverClassName(details.getDriverClassName());
		return withCredentials(builder, properties).build();
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

	private static @Nullable Integer maximumPoolSize(DataSource dataSource,
			Collection<DataSourcePoolMetadataProvider> poolMetadata) {
		DataSourcePoolMetadata metadata = new CompositeDataSourcePoolMetadataProvider(poolMetadata)
			.getDataSourcePoolMetadata(dataSource);
		return (metadata != null) ? metadata.getMax() : null;
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

}
