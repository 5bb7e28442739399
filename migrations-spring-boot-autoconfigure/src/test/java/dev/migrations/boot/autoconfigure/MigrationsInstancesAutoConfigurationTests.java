package dev.migrations.boot.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import dev.migrations.boot.autoconfigure.endpoint.MigrationsEndpoint;
import dev.migrations.boot.autoconfigure.endpoint.MigrationsEndpoint.MigrationsDescriptor;
import dev.migrations.boot.autoconfigure.endpoint.MigrationsEndpoint.UnavailableDescriptor;
import dev.migrations.boot.autoconfigure.endpoint.MigrationsEndpointAutoConfiguration;
import dev.migrations.boot.autoconfigure.health.MigrationsHealthContributorAutoConfiguration;
import dev.migrations.boot.autoconfigure.health.MigrationsHealthIndicator;
import dev.migrations.boot.autoconfigure.observation.MigrationsObservationAutoConfiguration;
import dev.migrations.boot.autoconfigure.observation.ObservingMigrationListener;
import dev.migrations.config.MigrationListener;
import dev.migrations.graph.PlanStep;
import dev.migrations.testing.H2Database;
import dev.migrations.testing.PostgresDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

/**
 * Several migration sets in one application, {@code migrations.instances.<name>.*}: each on its own database with its
 * own scripts and tables, run in the declared order before the default set and the application's database users,
 * shown by name in the endpoint and health; a failing one named in the failure.
 */
class MigrationsInstancesAutoConfigurationTests {

	private static final String DEFAULT_HEAD = "2b3c4d5e6f70";

	private static final String STOCK = "5a0c0000a001";

	private static final String REPORT = "7e90000b0001";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				JdbcTemplateAutoConfiguration.class, MigrationsAutoConfiguration.class,
				MigrationsInstancesAutoConfiguration.class, MigrationsEndpointAutoConfiguration.class,
				MigrationsHealthContributorAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=migrations");

	private H2Database application;

	private H2Database stock;

	private H2Database archive;

	@BeforeEach
	void createDatabases() {
		this.application = H2Database.create("instances_app", H2Database.Mode.DEFAULT);
		this.stock = H2Database.create("instances_stock", H2Database.Mode.DEFAULT);
		this.archive = H2Database.create("instances_archive", H2Database.Mode.DEFAULT);
	}

	@AfterEach
	void dropDatabases() {
		this.application.close();
		this.stock.close();
		this.archive.close();
	}

	private ApplicationContextRunner withTwoInstances() {
		return this.contextRunner.withUserConfiguration(ArchiveDataSourceConfiguration.class)
			.withPropertyValues("spring.datasource.url=" + this.application.jdbcUrl(), "spring.datasource.username=sa",
					"test.archive-url=" + this.archive.jdbcUrl(),
					"migrations.instances.stock.url=" + this.stock.jdbcUrl(), "migrations.instances.stock.user=sa",
					"migrations.instances.stock.locations=classpath:db/instances/stock",
					"migrations.instances.stock.version-table=stock_version",
					"migrations.instances.archive.data-source=archiveDataSource",
					"migrations.instances.archive.locations[0]=classpath:db/instances/stock",
					"migrations.instances.archive.version-table=archive_version",
					"migrations.instances.archive.history-table=archive_history");
	}

	@Test
	void eachInstanceIsMigratedOnItsOwnDatabaseWithItsOwnTables() {
		withTwoInstances().run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeansOfType(MigrationsInitializer.class)).containsOnlyKeys("migrationsInitializer",
					"migrationsInitializer[archive]", "migrationsInitializer[stock]");
			assertThat(VersionTable.rows(this.application.dataSource())).containsExactly(DEFAULT_HEAD);
			assertThat(VersionTable.rows(this.stock.dataSource(), "stock_version")).containsExactly(STOCK);
			assertThat(VersionTable.rows(this.archive.dataSource(), "archive_version")).containsExactly(STOCK);
			assertThat(VersionTable.exists(this.archive.dataSource(), "archive_history")).isTrue();
			assertThat(VersionTable.exists(this.application.dataSource(), "stock_version")).isFalse();
			assertThat(VersionTable.exists(this.stock.dataSource(), "migrations_version")).isFalse();
		});
	}

	@Test
	void theEndpointShowsTheDefaultSetAsBeforeAndEachInstanceByName() {
		withTwoInstances().run((context) -> {
			MigrationsDescriptor body = (MigrationsDescriptor) context.getBean(MigrationsEndpoint.class)
				.migrations()
				.getBody();
			assertThat(body.current()).containsExactly(DEFAULT_HEAD);
			assertThat(body.instances()).containsOnlyKeys("archive", "stock");
			MigrationsDescriptor stock = (MigrationsDescriptor) body.instances().get("stock");
			assertThat(stock.current()).containsExactly(STOCK);
			assertThat(stock.upToDate()).isTrue();
			assertThat(stock.history()).singleElement().satisfies((entry) -> {
				assertThat(entry.revision()).isEqualTo(STOCK);
				assertThat(entry.state()).isEqualTo("applied");
			});
			Map<String, Object> json = JsonMapper.builder().build().convertValue(body, Map.class);
			assertThat(json).containsKeys("current", "heads", "target", "upToDate", "pending", "history", "instances");
			assertThat(json).extractingByKey("instances", MAP)
				.extractingByKey("archive", MAP)
				.containsEntry("current", List.of(STOCK))
				.containsEntry("upToDate", true)
				.doesNotContainKey("instances");
		});
	}

	@Test
	void withoutInstancesTheEndpointsJsonIsAsBefore() {
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + this.application.jdbcUrl(), "spring.datasource.username=sa")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(MigrationsInstances.class).hasSingleBean(MigrationsInitializer.class);
				Object body = context.getBean(MigrationsEndpoint.class).migrations().getBody();
				Map<String, Object> json = JsonMapper.builder().build().convertValue(body, Map.class);
				assertThat(json).containsOnlyKeys("current", "heads", "target", "upToDate", "pending", "history");
			});
	}

	@Test
	void migrationsEnabledFalseLeavesEveryInstanceAlone() {
		withTwoInstances().withPropertyValues("migrations.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(MigrationsInstances.class)
				.doesNotHaveBean(MigrationsInitializer.class);
			assertThat(VersionTable.exists(this.stock.dataSource(), "stock_version")).isFalse();
		});
	}

	@Test
	void healthShowsEachInstanceAndTakesTheWorstStatus() {
		withTwoInstances().withPropertyValues("migrations.instances.stock.on-startup=none").run((context) -> {
			Health health = context.getBean(MigrationsHealthIndicator.class).health(true);
			assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
			assertThat(health.getDetails()).containsEntry("current", List.of(DEFAULT_HEAD));
			@SuppressWarnings("unchecked")
			Map<String, Health> instances = (Map<String, Health>) health.getDetails().get("instances");
			assertThat(instances).containsOnlyKeys("archive", "stock");
			assertThat(instances.get("archive").getStatus()).isEqualTo(Status.UP);
			assertThat(instances.get("stock").getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
			assertThat(instances.get("stock").getDetails()).containsEntry("pending", 1);
		});
	}

	@Test
	void instancesRunInTheirDeclaredOrderThenTheDefaultSet() {
		List<String> runs = new CopyOnWriteArrayList<>();
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + this.application.jdbcUrl(), "spring.datasource.username=sa",
					"migrations.instances.alpha.url=" + this.stock.jdbcUrl(), "migrations.instances.alpha.user=sa",
					"migrations.instances.alpha.order=2",
					"migrations.instances.alpha.locations=classpath:db/instances/report",
					"migrations.instances.alpha.version-table=alpha_version",
					"migrations.instances.zeta.url=" + this.stock.jdbcUrl(), "migrations.instances.zeta.user=sa",
					"migrations.instances.zeta.order=1",
					"migrations.instances.zeta.locations=classpath:db/instances/stock",
					"migrations.instances.zeta.version-table=zeta_version")
			.withBean(MigrationsInstanceCustomizer.class,
					() -> (name, config) -> config.listener(new RunRecorder(name, runs)))
			.withBean(MigrationsConfigCustomizer.class, () -> (config) -> config.listener(new RunRecorder("default", runs)))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(runs).containsExactly("zeta", "alpha", "default");
				assertThat(VersionTable.rows(this.stock.dataSource(), "alpha_version")).containsExactly(REPORT);
				assertThat(new JdbcTemplate(this.stock.dataSource())
					.queryForObject("SELECT items FROM stock_report", Long.class)).isZero();
			});
	}

	@Test
	void theApplicationsDatabaseUsersWaitForEveryInstance() {
		withTwoInstances().withBean("stockReader", StockReader.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(StockReader.class).rowsAtCreation).isZero();
		});
	}

	@Test
	void aFailingInstanceStopsStartUpAndIsNamed() {
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + this.application.jdbcUrl(), "spring.datasource.username=sa",
					"migrations.instances.broken.url=" + this.stock.jdbcUrl(), "migrations.instances.broken.user=sa",
					"migrations.instances.broken.locations=classpath:db/failing")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new MigrationsFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).startsWith("Migration instance 'broken': ")
					.contains("0002_fill_missing_table.sql");
				assertThat(VersionTable.rows(this.stock.dataSource())).containsExactly("1a2b3c4d5e6f");
				assertThat(VersionTable.exists(this.application.dataSource(), "migrations_version"))
					.as("the default set runs after the instances").isFalse();
			});
	}

	@Test
	void aDataSourceBeanThatDoesNotExistIsNamedWithThoseThatDo() {
		withTwoInstances().withPropertyValues("migrations.instances.archive.data-source=archiveDb").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new MigrationsFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).isEqualTo("Migration instance 'archive': No DataSource bean named "
					+ "'archiveDb' for migrations.instances.archive.data-source");
			assertThat(analysis.getAction()).contains("archiveDataSource");
		});
	}

	@Test
	void enabledFalseLeavesAnInstanceOut() {
		withTwoInstances().withPropertyValues("migrations.instances.stock.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(MigrationsInstances.class).probes()).containsOnlyKeys("archive");
			assertThat(context.getBeansOfType(MigrationsInitializer.class)).containsOnlyKeys("migrationsInitializer",
					"migrationsInitializer[archive]");
			assertThat(VersionTable.exists(this.stock.dataSource(), "stock_version")).isFalse();
		});
	}

	@Test
	void everyKeyAnInstanceTakesIsAccepted() {
		String stock = "migrations.instances.stock.";
		withTwoInstances()
			.withPropertyValues(stock + "enabled=true", stock + "order=1", stock + "on-startup=upgrade",
					stock + "target=head", stock + "lint=warn", stock + "create-database=false", stock + "password=",
					stock + "schema=PUBLIC", stock + "create-schemas=false", stock + "history-table=stock_history",
					stock + "transaction-mode=per-revision", stock + "lock-wait=5s", stock + "lock-timeout=5s",
					stock + "statement-lock-timeout=2s", stock + "statement-timeout=0", stock + "lock-retries=1",
					stock + "reconnect=true", stock + "validate-checksums=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(VersionTable.rows(this.stock.dataSource(), "stock_version")).containsExactly(STOCK);
				assertThat(VersionTable.exists(this.stock.dataSource(), "stock_history")).isTrue();
			});
	}

	/** The settings rule reads an instance's keys through the environment, which resolves the relaxed forms. */
	@Test
	void aKeyAnInstanceTakesIsAcceptedInSpringsRelaxedForms() {
		String environmentVariables = "test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
		withTwoInstances().withPropertyValues("migrations.instances.archive.lockRetries=1")
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource(environmentVariables,
						Map.of("MIGRATIONS_INSTANCES_STOCK_HISTORY_TABLE", "stock_history"))))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(VersionTable.exists(this.stock.dataSource(), "stock_history")).isTrue();
				assertThat(context.getEnvironment().getProperty("migrations.instances.archive.lock-retries"))
					.isEqualTo("1");
			});
	}

	@Test
	void aKeyOfTheWholeApplicationIsRefusedOnAnInstanceNamingTheKeyToSet() {
		assertRefused("migrations.instances.stock.mode=job",
				"migrations.instances.stock.mode is not an instance's setting: the run mode is the whole application's",
				"Set migrations.mode instead, and remove migrations.instances.stock.mode");
		assertRefused("migrations.instances.stock.ui.enabled=true",
				"migrations.instances.stock.ui.enabled is not an instance's setting: the operators' page is the whole "
						+ "application's",
				"Set migrations.ui.enabled instead, and remove migrations.instances.stock.ui.enabled");
		assertRefused("migrations.instances.stock.tenants.ids=a",
				"migrations.instances.stock.tenants.ids is not an instance's setting: the tenants are the whole "
						+ "application's",
				"Set migrations.tenants.ids instead, and remove migrations.instances.stock.tenants.ids");
	}

	@Test
	void aMisspeltInstanceKeyIsRefusedWithTheKeysThereAre() {
		assertRefused("migrations.instances.stock.locaitons=classpath:db/instances/stock",
				"Unknown instance setting migrations.instances.stock.locaitons",
				"An instance takes migrations.instances.stock.<key> for the keys enabled, data-source, order, "
						+ "on-startup, target, lint, create-database, url, user, password, locations, schema, "
						+ "create-schemas, version-table, history-table, transaction-mode, lock-wait, lock-timeout, "
						+ "statement-lock-timeout, statement-timeout, lock-retries, reconnect, validate-checksums, "
						+ "entity-packages");
	}

	/** Start-up fails before any set runs, with the analysis's description and action. */
	private void assertRefused(String property, String description, String action) {
		withTwoInstances().withPropertyValues(property).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new MigrationsFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).isEqualTo(description);
			assertThat(analysis.getAction()).isEqualTo(action);
			assertThat(VersionTable.exists(this.archive.dataSource(), "archive_version")).isFalse();
			assertThat(VersionTable.exists(this.application.dataSource(), "migrations_version")).isFalse();
		});
	}

	@Test
	void anInstanceOnPostgresqlBesideTheDefaultSetOnH2() {
		try (PostgresDatabase ledger = PostgresDatabase.create("instances_pg")) {
			this.contextRunner
				.withPropertyValues("spring.datasource.url=" + this.application.jdbcUrl(),
						"spring.datasource.username=sa", "migrations.instances.ledger.url=" + ledger.jdbcUrl(),
						"migrations.instances.ledger.user=" + ledger.user(),
						"migrations.instances.ledger.password=" + ((ledger.password() != null) ? ledger.password() : ""),
						"migrations.instances.ledger.locations=classpath:db/instances/stock",
						"migrations.instances.ledger.schema=ledger", "migrations.instances.ledger.create-schemas=true")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(VersionTable.rows(this.application.dataSource())).containsExactly(DEFAULT_HEAD);
					assertThat(VersionTable.rows(ledger.dataSource(), "ledger.migrations_version"))
						.containsExactly(STOCK);
					MigrationsDescriptor body = (MigrationsDescriptor) context.getBean(MigrationsEndpoint.class)
						.migrations()
						.getBody();
					assertThat(((MigrationsDescriptor) body.instances().get("ledger")).current())
						.containsExactly(STOCK);
				});
		}
	}

	@Test
	void observationsAndThePendingGaugeCarryTheInstanceName() {
		TestObservationRegistry observations = TestObservationRegistry.create();
		withTwoInstances()
			.withConfiguration(AutoConfigurations.of(MigrationsObservationAutoConfiguration.class))
			.withBean(ObservationRegistry.class, () -> observations)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				TestObservationRegistryAssert.assertThat(observations)
					.hasNumberOfObservationsWithNameEqualTo(ObservingMigrationListener.RUN, 3)
					.hasAnObservation((run) -> run.hasNameEqualTo(ObservingMigrationListener.REVISION)
						.hasLowCardinalityKeyValue("instance", "stock")
						.hasHighCardinalityKeyValue("revision", STOCK))
					.hasAnObservation((run) -> run.hasNameEqualTo(ObservingMigrationListener.RUN)
						.hasLowCardinalityKeyValue("instance", "archive"))
					.hasAnObservation((run) -> run.hasNameEqualTo(ObservingMigrationListener.RUN)
						.hasLowCardinalityKeyValue("instance", "default"));
				MeterRegistry meters = new SimpleMeterRegistry();
				context.getBean(MeterBinder.class).bindTo(meters);
				assertThat(meters.get("migrations.pending").tag("instance", "stock").gauge().value()).isZero();
				assertThat(meters.get("migrations.pending").tag("instance", "default").gauge().value()).isZero();
			});
	}

	@Test
	void instancesWhoseDatabasesHangAreReadAtOnceAndShownUnavailable() throws Exception {
		try (SilentServer first = new SilentServer(); SilentServer second = new SilentServer()) {
			this.contextRunner
				.withPropertyValues("spring.datasource.url=" + this.application.jdbcUrl(),
						"spring.datasource.username=sa", "migrations.instances.first.url=" + hanging(first),
						"migrations.instances.first.on-startup=none",
						"migrations.instances.second.url=" + hanging(second),
						"migrations.instances.second.on-startup=none")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					long started = System.nanoTime();
					WebEndpointResponse<OperationResponseBody> response = context.getBean(MigrationsEndpoint.class)
						.migrations();
					assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1900));
					assertThat(response.getStatus()).isEqualTo(200);
					MigrationsDescriptor body = (MigrationsDescriptor) response.getBody();
					assertThat(body.current()).containsExactly(DEFAULT_HEAD);
					assertThat(body.instances().get("first")).isInstanceOfSatisfying(UnavailableDescriptor.class,
							(unavailable) -> assertThat(unavailable.error().kind()).isEqualTo("connection"));

					started = System.nanoTime();
					Health health = context.getBean(MigrationsHealthIndicator.class).health(true);
					assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1900));
					assertThat(health.getStatus()).isEqualTo(Status.DOWN);
					@SuppressWarnings("unchecked")
					Map<String, Health> instances = (Map<String, Health>) health.getDetails().get("instances");
					assertThat(instances.get("second").getStatus()).isEqualTo(Status.DOWN);
					assertThat(instances.get("second").getDetails()).containsEntry("kind", "connection");
				});
		}
	}

	/** A server that never answers, as a URL whose login gives up after 3 s: the start-up's read of it ends. */
	private static String hanging(SilentServer server) {
		return server.postgresUrl() + "?loginTimeout=3";
	}

	/** The second database, a DataSource bean that is no candidate for the application's injection points. */
	@Configuration(proxyBeanMethods = false)
	static class ArchiveDataSourceConfiguration {

		@Bean(defaultCandidate = false)
		DataSource archiveDataSource(@Value("${test.archive-url}") String url) {
			return new DriverManagerDataSource(url, "sa", "");
		}

	}

	/** A database user of the application: it reads the stock instance's table as it is created. */
	static class StockReader {

		final long rowsAtCreation;

		StockReader(JdbcTemplate jdbc, @Value("${migrations.instances.stock.url}") String stockUrl) {
			this.rowsAtCreation = new JdbcTemplate(new DriverManagerDataSource(stockUrl, "sa", ""))
				.queryForObject("SELECT count(*) FROM stock", Long.class);
		}

	}

	/** Records which set starts a run. */
	private record RunRecorder(String name, List<String> runs) implements MigrationListener {

		@Override
		public void runStarting(String command) {
			this.runs.add(this.name);
		}

		@Override
		public void beforeStep(PlanStep step) {
		}

	}

}
