package dev.migrations.tenant;

import java.util.Objects;
import java.util.function.Function;

import javax.sql.DataSource;

/** Where each tenant's tables live: a schema of one database, or a database of its own. */
public sealed interface TenantLayout {

	/**
	 * Each tenant is a schema of one database (a database, on MariaDB), named as the tenant: it holds the tenant's
	 * version and history tables, and its scripts run with it as their default schema.
	 *
	 * @param dataSource the database the schemas are in
	 */
	record SchemaPerTenant(DataSource dataSource) implements TenantLayout {

		public SchemaPerTenant {
			Objects.requireNonNull(dataSource, "dataSource");
		}

	}

	/**
	 * Each tenant is a database of its own, reached through the data source the function gives for its id; its
	 * version and history tables are where the configuration puts them.
	 *
	 * @param dataSources the data source of a tenant's database, by tenant id
	 */
	record DatabasePerTenant(Function<String, DataSource> dataSources) implements TenantLayout {

		public DatabasePerTenant {
			Objects.requireNonNull(dataSources, "dataSources");
		}

	}

}
