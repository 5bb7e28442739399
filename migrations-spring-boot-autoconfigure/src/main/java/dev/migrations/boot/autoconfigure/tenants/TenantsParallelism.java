package dev.migrations.boot.autoconfigure.tenants;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.migrations.boot.autoconfigure.ConnectionPools;

/**
 * How many tenants the application migrates at once: {@code migrations.tenants.parallelism}, but at most half the
 * connection pool the tenants share. Each tenant at work holds two connections, its lock's and its work's, so more
 * tenants than that wait for connections until the pool's connection timeout fails them.
 */
final class TenantsParallelism {

	private static final Log logger = LogFactory.getLog(TenantsParallelism.class);

	private TenantsParallelism() {
	}

	/**
	 * @param configured {@code migrations.tenants.parallelism}
	 * @param poolSize the maximum size of the pool the tenants' connections come from; {@code null} when they do not
	 * come from a pool Spring Boot knows
	 * @return the configured parallelism, or half the pool (at least 1) when that is less, with a warning
	 */
	static int within(int configured, @Nullable Integer poolSize) {
		if (poolSize == null) {
			return configured;
		}
		int fitting = Math.max(1, poolSize / ConnectionPools.CONNECTIONS_A_RUN_NEEDS);
		if (configured <= fitting) {
			return configured;
		}
		logger.warn("migrations.tenants.parallelism is " + configured + " but the connection pool holds at most "
				+ poolSize + " connections and each tenant at work holds " + ConnectionPools.CONNECTIONS_A_RUN_NEEDS
				+ ": migrating " + fitting + " tenant(s) at once; to migrate " + configured + ", raise the pool's "
				+ "maximum size (spring.datasource.hikari.maximum-pool-size with Spring Boot's default pool) to "
				+ configured * ConnectionPools.CONNECTIONS_A_RUN_NEEDS + ", or set migrations.tenants.parallelism to "
				+ fitting);
		return fitting;
	}

}
