package dev.migrations.tenant;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.IntStream;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.error.MigrationsException;
import dev.migrations.graph.Target;
import dev.migrations.testing.H2Database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Schema per tenant on H2: scripts with unqualified names land in the tenant's schema, {@code ${tenant}} is its id,
 * the version and history tables are the tenant's, and a pooled connection gets its default schema back.
 */
class TenantsH2Test {

	private H2Database h2;

	private HikariDataSource pool;

	private TenantScripts scripts;

	@BeforeEach
	void setUp(@TempDir Path directory) {
		this.h2 = H2Database.create("tenants", H2Database.Mode.DEFAULT);
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(this.h2.jdbcUrl());
		config.setUsername("sa");
		config.setPassword("");
		config.setMaximumPoolSize(4);
		this.pool = new HikariDataSource(config);
		this.scripts = new TenantScripts(directory).add("CREATE TABLE items (name VARCHAR(40));")
			.add("INSERT INTO items (name) VALUES ('${tenant}');");
	}

	@AfterEach
	void tearDown() {
		this.pool.close();
		this.h2.close();
	}

	private TenantRunner runner(FailurePolicy policy) {
		return this.scripts.migrations(this.pool)
			.tenants(new TenantLayout.SchemaPerTenant(this.pool), new TenantOptions(2, policy));
	}

	@Test
	void scriptsRunInEachTenantsSchemaWithItsId() throws SQLException {
		TenantReport report = runner(FailurePolicy.FAIL_FAST).upgrade(List.of("acme", "globex", "initech"),
				Target.parse("head"));

		assertThat(report.tenants()).extracting(TenantResult::state).containsOnly(TenantState.UPGRADED);
		assertThat(report.tenants()).extracting(TenantResult::applied).containsOnly(2);
		assertThat(report.summary()).isEqualTo("3 tenants: 3 upgraded, 0 at head, 0 behind, 0 failed");
		for (String tenant : List.of("acme", "globex", "initech")) {
			assertThat(single("SELECT name FROM " + tenant + ".items")).isEqualTo(tenant);
			assertThat(single("SELECT version_num FROM " + tenant + ".migrations_version")).isEqualTo("r02");
			assertThat(single("SELECT count(*) FROM " + tenant + ".migrations_history")).isEqualTo("2");
		}
		assertThat(single("SELECT count(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"))
			.isEqualTo("0");
		for (int i = 0; i < 3; i++) {
			try (Connection pooled = this.pool.getConnection()) {
				assertThat(pooled.getSchema()).isEqualTo("PUBLIC");
			}
		}
	}

	@Test
	void manyTenantsAskedForAtOnceAllReachHeadOneAtATime() {
		this.scripts.add("CREATE INDEX items_name ON items (name); ALTER TABLE items ADD COLUMN note VARCHAR(80);")
			.add("CREATE TABLE orders (id INT PRIMARY KEY, item VARCHAR(40)); DROP INDEX items_name;");
		List<String> tenants = IntStream.rangeClosed(1, 40).mapToObj((i) -> "tenant_" + i).toList();
		TenantRunner runner = this.scripts.migrations(this.pool)
			.tenants(new TenantLayout.SchemaPerTenant(this.pool), new TenantOptions(4, FailurePolicy.CONTINUE));

		TenantReport report = runner.upgrade(tenants, Target.parse("head"));

		assertThat(report.tenants()).filteredOn((tenant) -> tenant.state() != TenantState.UPGRADED)
			.extracting(TenantResult::line)
			.isEmpty();
	}

	@Test
	void aSecondRunFindsEveryTenantAtHeadAndStatusSaysSo() {
		TenantRunner runner = runner(FailurePolicy.FAIL_FAST);
		runner.upgrade(List.of("acme"), Target.parse("head"));

		TenantReport again = runner.upgrade(List.of("acme", "globex"), Target.parse("head"));

		assertThat(again.tenant("acme").orElseThrow().state()).isEqualTo(TenantState.AT_HEAD);
		assertThat(again.tenant("globex").orElseThrow().line()).isEqualTo("globex: upgraded (2 revisions) -> r02");
		assertThat(runner.status("acme").line()).isEqualTo("acme: at head r02");
		assertThat(runner.status("newcomer").line()).isEqualTo("newcomer: behind (2 pending) at base");
	}

	@Test
	void aNewTenantIsMigratedAlone() throws SQLException {
		TenantResult result = runner(FailurePolicy.FAIL_FAST).upgrade("signup_42", Target.parse("head"));

		assertThat(result.state()).isEqualTo(TenantState.UPGRADED);
		assertThat(single("SELECT name FROM signup_42.items")).isEqualTo("signup_42");
	}

	@Test
	void anInvalidTenantIdIsRefusedBeforeAnythingRuns() throws SQLException {
		assertThatThrownBy(() -> runner(FailurePolicy.CONTINUE).upgrade(List.of("acme", "x; DROP TABLE y"),
				Target.parse("head")))
			.isInstanceOf(MigrationsException.class)
			.hasMessage("Invalid tenant id 'x; DROP TABLE y'");
		assertThat(single("SELECT count(*) FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME = 'ACME'"))
			.isEqualTo("0");
	}

	@Test
	void aBadFailurePolicyOrParallelismIsOneLine() {
		assertThatThrownBy(() -> FailurePolicy.parse("sometimes"))
			.hasMessage("Unknown tenant failure policy 'sometimes'");
		assertThat(FailurePolicy.parse("fail-fast")).isEqualTo(FailurePolicy.FAIL_FAST);
		assertThatThrownBy(() -> new TenantOptions(0, FailurePolicy.CONTINUE))
			.hasMessage("Tenant parallelism must be at least 1, not 0");
	}

	private String single(String sql) throws SQLException {
		try (Connection connection = this.h2.connect(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

}
