package dev.migrations.tenant;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.graph.Target;
import dev.migrations.testing.MariaDbDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schema per tenant on MariaDB, where a schema is a database: each tenant's database is created, holds its tables
 * and its version and history tables, and is the current database of its scripts; a pooled connection gets the
 * application's database back.
 */
class TenantsMariaDbTest {

	private MariaDbDatabase database;

	private HikariDataSource pool;

	private List<String> tenants;

	@BeforeEach
	void setUp() {
		this.database = MariaDbDatabase.create("tenants_home");
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(this.database.jdbcUrl());
		config.setUsername(this.database.user());
		config.setPassword(this.database.password());
		config.setMaximumPoolSize(4); // two tenants at once, each with its lock's connection and its work's
		this.pool = new HikariDataSource(config);
		String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
		this.tenants = List.of("tenant_a_" + suffix, "tenant_b_" + suffix);
	}

	@AfterEach
	void tearDown() {
		this.pool.close();
		this.tenants.forEach((tenant) -> this.database.executeOnServer("DROP DATABASE IF EXISTS " + tenant));
		this.database.close();
	}

	@Test
	void eachTenantIsADatabaseOfItsOwn(@TempDir Path directory) throws SQLException {
		TenantScripts scripts = new TenantScripts(directory).add("CREATE TABLE items (owner varchar(80));")
			.add("INSERT INTO items (owner) VALUES ('${tenant}');");

		TenantReport report = scripts.migrations(this.pool)
			.tenants(new TenantLayout.SchemaPerTenant(this.pool), new TenantOptions(2, FailurePolicy.FAIL_FAST))
			.upgrade(this.tenants, Target.parse("head"));

		assertThat(report.tenants()).as(report.tenants().toString())
			.extracting(TenantResult::state)
			.containsOnly(TenantState.UPGRADED);
		try (Connection connection = this.database.connect()) {
			for (String tenant : this.tenants) {
				assertThat(single(connection, "SELECT owner FROM " + tenant + ".items")).isEqualTo(tenant);
				assertThat(single(connection, "SELECT version_num FROM " + tenant + ".migrations_version"))
					.isEqualTo("r02");
			}
			assertThat(single(connection, "SELECT count(*) FROM information_schema.tables WHERE table_schema = '"
					+ this.database.name() + "'")).isEqualTo("0");
		}
		for (int i = 0; i < 2; i++) {
			try (Connection pooled = this.pool.getConnection()) {
				assertThat(pooled.getCatalog()).isEqualTo(this.database.name());
			}
		}
	}

	private static String single(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

}
