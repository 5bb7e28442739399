package dev.migrations.boot.autoconfigure;

import java.util.Collection;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.jdbc.metadata.CompositeDataSourcePoolMetadataProvider;
import org.springframework.boot.jdbc.metadata.DataSourcePoolMetadata;
import org.springframework.boot.jdbc.metadata.DataSourcePoolMetadataProvider;

/** What migrations ask of a connection pool, as far as Spring Boot knows it (HikariCP, its default, and others). */
public final class ConnectionPools {

	/** A run holds the lock on one connection while its scripts run on another. */
	public static final int CONNECTIONS_A_RUN_NEEDS = 2;

	private ConnectionPools() {
	}

	/**
	 * The most connections the pool behind the DataSource holds.
	 * @param dataSource a DataSource, a pool or a proxy of one
	 * @param poolMetadata what Spring Boot knows of connection pools
	 * @return the pool's maximum size; {@code null} when the DataSource is no pool Spring Boot knows
	 */
	public static @Nullable Integer maximumSize(DataSource dataSource,
			Collection<DataSourcePoolMetadataProvider> poolMetadata) {
		DataSourcePoolMetadata metadata = new CompositeDataSourcePoolMetadataProvider(poolMetadata)
			.getDataSourcePoolMetadata(dataSource);
		return (metadata != null) ? metadata.getMax() : null;
	}

}
