package dev.migrations.boot.autoconfigure.tenants;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migrations.error.MigrationsException;
import dev.migrations.tenant.TenantState;
import dev.migrations.testing.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Tenants in an application on PostgreSQL: upgraded at start-up after the application's own scripts, one more at run
 * time, shown by the endpoint and the health as the failure policy says.
 */
class TenantsTests {

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	private PostgresDatabase database;

	private JdbcTemplate jdbc;

	@BeforeEach
	void createDatabase() {
		this.database = PostgresDatabase.create("boot_tenants");
		this.jdbc = new JdbcTemplate(this.database.dataSource());
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	private SpringApplicationBuilder application(String... properties) {
		return new SpringApplicationBuilder(TenantsApplication.class)
			.properties("spring.datasource.url=" + this.database.jdbcUrl(),
					"spring.datasource.username=" + this.database.user(), "spring.jpa.hibernate.ddl-auto=none",
					"migrations.locations=classpath:db/registry", "migrations.tenants.locations=classpath:db/tenants",
					"management.endpoints.web.exposure.include=health,migrations",
					"management.endpoint.health.show-details=always", "server.port=0")
			.properties(properties);
	}

	@Test
	void underContinueTheApplicationStartsAndShowsTheFailedTenant() throws Exception {
		this.jdbc.execute("CREATE SCHEMA broken");
		this.jdbc.execute("CREATE TABLE broken.items (owner int)");
		this.jdbc.execute("INSERT INTO broken.items VALUES (1)");
		try (ConfigurableApplicationContext context = application("migrations.tenants.ids=alpha,broken,gamma",
				"migrations.tenants.on-failure=continue")
			.run()) {
			assertThat(this.jdbc.queryForList("SELECT owner FROM alpha.items", String.class)).containsExactly("alpha");
			assertThat(this.jdbc.queryForList("SELECT owner FROM gamma.items", String.class)).containsExactly("gamma");
			assertThat(this.jdbc.queryForList("SELECT id FROM public.tenant_registry", String.class)).hasSize(2);
			int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));

			Map<String, Object> tenants = body(get(port, "/actuator/migrations", 200), "tenants");
			assertThat(tenants).containsEntry("onFailure", "continue")
				.containsEntry("total", 3)
				.containsEntry("counts", Map.of("at_head", 0, "upgraded", 2, "failed", 1, "behind", 0));
			List<Map<String, Object>> failed = list(tenants, "failed");
			assertThat(failed).singleElement().satisfies((entry) -> {
				assertThat(entry).containsEntry("tenant", "broken").containsEntry("state", "failed");
				assertThat((String) entry.get("cause")).contains("items").contains("invalid input syntax");
			});

			Map<String, Object> broken = body(get(port, "/actuator/migrations/tenants/broken", 200), "tenant");
			assertThat(broken).containsEntry("state", "failed").containsEntry("current", List.of("t01"));

			Map<String, Object> health = get(port, "/actuator/health/migrations", 200);
			assertThat(health).containsEntry("status", "UP");
			assertThat(body(body(health, "details"), "tenants")).containsEntry("failed", List.of("broken"));

			TenantMigrations migrations = context.getBean(TenantMigrations.class);
			assertThat(migrations.tenant("newco").upgrade().state()).isEqualTo(TenantState.UPGRADED);
			assertThat(body(get(port, "/actuator/migrations/tenants/newco", 200), "tenant"))
				.containsEntry("state", "at_head")
				.containsEntry("pending", 0);
			assertThat(body(get(port, "/actuator/migrations/tenants/no%20such", 400), "error"))
				.containsEntry("message", "Invalid tenant id 'no such'");
			assertThat(get(port, "/actuator/migrations/elsewhere/newco", 404)).containsKey("error");
		}
	}

	@Test
	void aTenantWhoseVersionTableIsLockedIsUnknownWithinTheBoundAndTheEndpointStaysResponsive() throws Exception {
		try (ConfigurableApplicationContext context = application("migrations.tenants.ids=alpha").run();
				Connection locker = this.database.dataSource().getConnection();
				Statement lock = locker.createStatement()) {
			int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
			get(port, "/actuator/migrations/tenants/alpha", 200);
			locker.setAutoCommit(false);
			lock.execute("LOCK TABLE alpha.migrations_version IN ACCESS EXCLUSIVE MODE");

			for (int ask = 0; ask < 3; ask++) {
				Map<String, Object> alpha = body(timed(port, "/actuator/migrations/tenants/alpha", 503), "tenant");
				assertThat(alpha).containsEntry("state", "unknown")
					.containsEntry("current", null)
					.containsEntry("pending", null)
					.containsEntry("cause", "The database did not answer within 1000 ms");
				assertThat(body(alpha, "lastRun")).containsEntry("state", "upgraded");
			}
			assertThat(body(timed(port, "/actuator/migrations", 200), "tenants")).containsEntry("total", 1);
			assertThat(timed(port, "/actuator/health/migrations", 200)).containsEntry("status", "UP");
			assertThat(this.jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE datname = "
					+ "current_database() AND wait_event_type = 'Lock'", Integer.class))
				.as("the three asks wait for one read, on one connection")
				.isEqualTo(1);

			locker.rollback();
			assertThat(body(timed(port, "/actuator/migrations/tenants/alpha", 200), "tenant"))
				.containsEntry("state", "at_head")
				.containsEntry("current", List.of("t02"))
				.containsEntry("pending", 0);
		}
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aParallelismAboveHalfThePoolMigratesHalfThePoolAtOnceWithAWarning(CapturedOutput output) {
		List<String> ids = List.of("t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8");
		try (ConfigurableApplicationContext context = application("migrations.tenants.ids=" + String.join(",", ids),
				"migrations.tenants.parallelism=8", "spring.datasource.hikari.maximum-pool-size=4",
				"spring.datasource.hikari.connection-timeout=1000")
			.web(WebApplicationType.NONE)
			.run()) {
			TenantMigrations migrations = context.getBean(TenantMigrations.class);
			assertThat(migrations.options().parallelism()).isEqualTo(2);
			assertThat(migrations.outcomes()).hasSize(8)
				.allSatisfy((outcome) -> assertThat(outcome.result().state()).isEqualTo(TenantState.UPGRADED));
			for (String id : ids) {
				assertThat(this.jdbc.queryForList("SELECT owner FROM " + id + ".items", String.class))
					.containsExactly(id);
			}
		}
		assertThat(output).containsOnlyOnce("migrations.tenants.parallelism is 8 but the connection pool holds at most 4 "
				+ "connections and each tenant at work holds 2: migrating 2 tenant(s) at once; to migrate 8, raise the "
				+ "pool's maximum size (spring.datasource.hikari.maximum-pool-size with Spring Boot's default pool) to "
				+ "16, or set migrations.tenants.parallelism to 2");
	}

	@Test
	void underFailFastStartupStopsNamingTheFailedTenant() {
		this.jdbc.execute("CREATE SCHEMA broken");
		this.jdbc.execute("CREATE TABLE broken.items (owner int)");

		Throwable thrown = catchThrowable(() -> application("migrations.tenants.ids=broken,alpha", "migrations.tenants.parallelism=1")
			.web(WebApplicationType.NONE)
			.run()
			.close());

		MigrationsException failure = migrationsException(thrown);
		assertThat(failure.getMessage()).startsWith("1 of 2 tenants failed: broken (").contains("invalid input syntax");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM pg_namespace WHERE nspname = 'alpha'",
				Integer.class))
			.isZero();
	}

	@Test
	void tenantsComeFromAQueryAndTheHealthIsDownUnderFailFastWhenOneFailed() {
		try (ConfigurableApplicationContext context = application(
				"migrations.tenants.query=SELECT id FROM public.tenant_registry ORDER BY id")
			.web(WebApplicationType.NONE)
			.run()) {
			assertThat(this.jdbc.queryForList("SELECT owner FROM north.items", String.class)).containsExactly("north");
			assertThat(this.jdbc.queryForList("SELECT owner FROM south.items", String.class)).containsExactly("south");
			TenantMigrations migrations = context.getBean(TenantMigrations.class);
			assertThat(TenantsHealth.down(migrations)).isFalse();
			this.jdbc.execute("CREATE SCHEMA late");
			this.jdbc.execute("CREATE TABLE late.items (owner int)");

			assertThat(migrations.tenant("late").upgrade().state()).isEqualTo(TenantState.FAILED);
			assertThat(TenantsHealth.down(migrations)).isTrue();
			assertThat(TenantsHealth.details(migrations)).containsEntry("failed", List.of("late"));
		}
	}

	@Test
	void aTenantSourceBeanNamesTheTenants() {
		try (ConfigurableApplicationContext context = application().sources(Registry.class)
			.web(WebApplicationType.NONE)
			.run()) {
			assertThat(this.jdbc.queryForList("SELECT owner FROM from_bean.items", String.class))
				.containsExactly("from_bean");
			assertThat(context.getBean(TenantMigrations.class).tenantIds()).containsExactly("from_bean");
		}
	}

	@Test
	void databaseModeWithoutAUrlIsOneLine() {
		MigrationsException failure = migrationsException(catchThrowable(() -> application(
				"migrations.tenants.ids=alpha", "migrations.tenants.mode=database")
			.web(WebApplicationType.NONE)
			.run()
			.close()));
		assertThat(failure.getMessage())
			.isEqualTo("migrations.tenants.mode=database needs migrations.tenants.url, and it is not set");
	}

	/** A tenant registry of the application's own. */
	@Configuration(proxyBeanMethods = false)
	static class Registry {

		@Bean
		TenantSource tenantSource() {
			return () -> List.of("from_bean");
		}

	}

	/** The answer to a GET, which comes within the endpoint's bound of 1 s and some room to answer. */
	private static Map<String, Object> timed(int port, String path, int status) throws Exception {
		long started = System.nanoTime();
		Map<String, Object> body = get(port, path, status);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as(path).isLessThan(Duration.ofSeconds(3));
		return body;
	}

	private static Map<String, Object> get(int port, String path, int status) throws Exception {
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
					.timeout(Duration.ofSeconds(10))
					.GET()
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return json.readValue(response.body(), Map.class);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> body(Map<String, Object> map, String key) {
		return (Map<String, Object>) map.get(key);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
		return (List<Map<String, Object>>) map.get(key);
	}

	private static MigrationsException migrationsException(Throwable thrown) {
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			if (cause instanceof MigrationsException migrationsException) {
				return migrationsException;
			}
		}
		throw new AssertionError("Start-up did not fail on migrations", thrown);
	}

}
