package dev.migrations.tenant;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.config.MigrationsConfig;
import dev.migrations.graph.Target;
import dev.migrations.testing.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Schema per tenant on PostgreSQL: processes started at once share the tenants, each revision applied once per
 * tenant; a failing tenant under {@code continue} and under {@code fail-fast}.
 */
class TenantsPostgresTest {

	private static final int REVISIONS = 4;

	private PostgresDatabase database;

	private TenantScripts scripts;

	@BeforeEach
	void setUp(@TempDir Path directory) {
		this.database = PostgresDatabase.create("tenants");
		this.scripts = new TenantScripts(directory);
		for (int i = 1; i <= REVISIONS; i++) {
			this.scripts.add("CREATE TABLE t" + i + " (tenant text);\nINSERT INTO t" + i
					+ " VALUES ('${tenant}');\nSELECT pg_sleep(0.01);");
		}
	}

	@AfterEach
	void tearDown() {
		this.database.close();
	}

	@Test
	void threeProcessesShareTwoHundredTenantsAndApplyEachRevisionOncePerTenant() throws Exception {
		int tenants = 200;
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			for (int i = 0; i < tenants; i++) {
				statement.execute(String.format("CREATE SCHEMA tenant%03d", i));
			}
		}
		long startAt = System.currentTimeMillis() + 4_000;
		List<Process> processes = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
					System.getProperty("java.class.path"), TenantUpgradeProcess.class.getName(),
					this.database.jdbcUrl(), this.database.user(), this.scripts.path().toString(), "tenant",
					String.valueOf(tenants), String.valueOf(startAt))
				.redirectErrorStream(true)
				.start());
		}
		for (Process process : processes) {
			assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.exitValue()).as(output).isZero();
			assertThat(output).as(output).doesNotContain("FAILED").contains(tenants + " tenants: ");
			assertThat(output.lines().filter((line) -> line.contains(": upgraded (")).count()).as(output)
				.isPositive();
			assertThat(output.lines().filter((line) -> line.matches("tenant\\d{3}: (at head|upgraded).*r04")).count())
				.as(output)
				.isEqualTo(tenants);
		}
		try (Connection connection = this.database.connect()) {
			for (int i = 0; i < tenants; i++) {
				String schema = String.format("tenant%03d", i);
				assertThat(count(connection, "SELECT count(*) FROM " + schema
						+ ".migrations_history WHERE operation = 'upgrade' AND success")).as(schema).isEqualTo(REVISIONS);
				assertThat(count(connection, "SELECT count(DISTINCT revision) FROM " + schema + ".migrations_history"))
					.as(schema)
					.isEqualTo(REVISIONS);
				assertThat(count(connection, "SELECT count(*) FROM " + schema + ".t4 WHERE tenant = '" + schema + "'"))
					.isEqualTo(1);
			}
		}
		assertThat(count("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).isZero();
	}

	@Test
	void underContinueAFailingTenantIsListedAtItsLastGoodRevisionAndTheOthersReachHead() throws SQLException {
		execute("CREATE SCHEMA broken", "CREATE TABLE broken.t3 (already text)");

		TenantReport report = runner(FailurePolicy.CONTINUE).upgrade(List.of("alpha", "broken", "gamma", "delta"),
				Target.parse("head"));

		assertThat(report.counts()).containsEntry(TenantState.UPGRADED, 3).containsEntry(TenantState.FAILED, 1);
		TenantResult broken = report.tenant("broken").orElseThrow();
		assertThat(broken.state()).isEqualTo(TenantState.FAILED);
		assertThat(broken.cause()).contains("t3").contains("already exists");
		assertThat(broken.revisions()).containsExactly("r02");
		assertThat(broken.line()).startsWith("broken: FAILED at r02: ");
		assertThat(report.inState(TenantState.FAILED)).containsExactly(broken);
		assertThat(count("SELECT count(*) FROM broken.migrations_version WHERE version_num = 'r02'")).isEqualTo(1);
		for (String tenant : List.of("alpha", "gamma", "delta")) {
			assertThat(report.tenant(tenant).orElseThrow().revisions()).containsExactly("r04");
		}
	}

	@Test
	void underFailFastNoTenantStartsAfterAFailure() throws SQLException {
		execute("CREATE SCHEMA broken", "CREATE TABLE broken.t1 (already text)");

		TenantReport report = new TenantRunner(() -> this.scripts.migrations(this.database.dataSource()).scripts(),
				MigrationsConfig.builder().locations("filesystem:" + this.scripts.path()).build(),
				new TenantLayout.SchemaPerTenant(this.database.dataSource()),
				new TenantOptions(1, FailurePolicy.FAIL_FAST))
			.upgrade(List.of("alpha", "broken", "gamma", "delta"), Target.parse("head"));

		assertThat(report.tenants()).extracting(TenantResult::state)
			.containsExactly(TenantState.UPGRADED, TenantState.FAILED, TenantState.BEHIND, TenantState.BEHIND);
		assertThat(report.tenant("gamma").orElseThrow().line())
			.isEqualTo("gamma: behind: not run: the run stopped after tenant broken failed (fail-fast)");
		assertThat(count("SELECT count(*) FROM pg_namespace WHERE nspname IN ('gamma', 'delta')")).isZero();
		assertThat(report.summary()).isEqualTo("4 tenants: 1 upgraded, 0 at head, 2 behind, 1 failed");
	}

	@Test
	void aTenantWhoseLockAnotherRunHoldsIsCheckedAgainAtTheEnd() throws Exception {
		execute("CREATE SCHEMA slow");
		TenantScripts slowScripts = this.scripts.add("SELECT CASE WHEN '${tenant}' = 'slow' THEN pg_sleep(2) END;");
		Thread first = new Thread(() -> runner(FailurePolicy.CONTINUE).upgrade("slow", Target.parse("head")));
		first.start();
		while (count("SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(2)%' "
				+ "AND pid <> pg_backend_pid()") == 0) {
			Thread.sleep(20);
		}

		TenantReport report = slowScripts.migrations(this.database.dataSource())
			.tenants(new TenantLayout.SchemaPerTenant(this.database.dataSource()),
					new TenantOptions(1, FailurePolicy.CONTINUE))
			.upgrade(List.of("slow", "quick"), Target.parse("head"));
		first.join();

		assertThat(report.tenant("quick").orElseThrow().state()).isEqualTo(TenantState.UPGRADED);
		assertThat(report.tenant("slow").orElseThrow().state()).isEqualTo(TenantState.AT_HEAD);
		assertThat(count("SELECT count(*) FROM slow.migrations_history WHERE operation = 'upgrade' AND success"))
			.isEqualTo(REVISIONS + 1);
	}

	@Test
	void aDatabasePerTenantFromAUrlTemplate() throws SQLException {
		try (PostgresDatabase first = PostgresDatabase.create("tenant_db");
				PostgresDatabase second = PostgresDatabase.create("tenant_db")) {
			String template = first.jdbcUrl().replace("/" + first.name(), "/${tenant}");

			TenantReport report = this.scripts.migrations(null)
				.tenants(Migrations.tenantDatabases(template, first.user(), first.password()),
						new TenantOptions(2, FailurePolicy.FAIL_FAST))
				.upgrade(List.of(first.name(), second.name()), Target.parse("head"));

			assertThat(report.tenants()).extracting(TenantResult::state).containsOnly(TenantState.UPGRADED);
			for (PostgresDatabase tenant : List.of(first, second)) {
				try (Connection connection = tenant.connect()) {
					assertThat(count(connection, "SELECT count(*) FROM public.t4 WHERE tenant = '" + tenant.name()
							+ "'")).isEqualTo(1);
					assertThat(count(connection, "SELECT count(*) FROM public.migrations_history")).isEqualTo(REVISIONS);
				}
			}
		}
	}

	@Test
	void aUrlTemplateWithoutThePlaceholderIsOneLine() {
		assertThatThrownBy(() -> Migrations.tenantDatabases("jdbc:postgresql://db/app", "u", null))
			.hasMessage("The tenant URL template 'jdbc:postgresql://db/app' does not contain ${tenant}");
	}

	private TenantRunner runner(FailurePolicy policy) {
		return this.scripts.migrations(this.database.dataSource())
			.tenants(new TenantLayout.SchemaPerTenant(this.database.dataSource()), new TenantOptions(2, policy));
	}

	private void execute(String... sql) throws SQLException {
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			for (String each : sql) {
				statement.execute(each);
			}
		}
	}

	private int count(String sql) throws SQLException {
		try (Connection connection = this.database.connect()) {
			return count(connection, sql);
		}
	}

	private static int count(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getInt(1);
		}
	}

}
