package dev.migrations.boot.autoconfigure;

import java.util.HashMap;
import java.util.Map;

import dev.migrations.DriverManagerDataSource;
import dev.migrations.Migrations;
import dev.migrations.config.MigrationsConfig;
import dev.migrations.execute.LoadedScripts;
import dev.migrations.report.CheckReport;
import dev.migrations.testing.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link DatabaseWarmUp}: which database it reads ahead of the start-up, and that reading it changes nothing. */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseWarmUpTests {

	private static final String HEAD = "2b3c4d5e6f70";

	private static final String POSTGRES_URL = "jdbc:postgresql://db.example:5432/app";

	private static PostgresDatabase database;

	@BeforeAll
	static void createDatabase() {
		database = PostgresDatabase.create("boot_warm_up");
	}

	@AfterAll
	static void dropDatabase() {
		database.close();
	}

	@Test
	void readsTheApplicationsServerDatabaseAsItsDataSourceProperties() {
		assertThat(warmUp(Map.of("spring.datasource.url", POSTGRES_URL, "spring.datasource.username", "app",
				"spring.datasource.password", "secret")))
			.isEqualTo(new DriverManagerDataSource(POSTGRES_URL, "app", "secret"));
	}

	@Test
	void migrationsUserLogsInToTheApplicationsDatabaseInsteadWithTheApplicationsPasswordUnlessItHasItsOwn() {
		assertThat(warmUp(Map.of("spring.datasource.url", POSTGRES_URL, "spring.datasource.username", "app",
				"spring.datasource.password", "secret", "migrations.user", "owner")))
			.isEqualTo(new DriverManagerDataSource(POSTGRES_URL, "owner", "secret"));
		assertThat(warmUp(Map.of("spring.datasource.url", POSTGRES_URL, "spring.datasource.username", "app",
				"migrations.user", "owner", "migrations.password", "owned")))
			.isEqualTo(new DriverManagerDataSource(POSTGRES_URL, "owner", "owned"));
	}

	@Test
	void migrationsPasswordWithoutMigrationsUserLeavesTheApplicationsCredentialsAlone() {
		assertThat(warmUp(Map.of("spring.datasource.url", POSTGRES_URL, "spring.datasource.username", "app",
				"spring.datasource.password", "secret", "migrations.password", "owned")))
			.isEqualTo(new DriverManagerDataSource(POSTGRES_URL, "app", "secret"));
	}

	@Test
	void migrationsUrlIsADatabaseOfItsOwnWithNoneOfTheApplicationsCredentials() {
		String own = "jdbc:mariadb://127.0.0.1:3306/app";
		assertThat(warmUp(Map.of("migrations.url", own, "spring.datasource.url", POSTGRES_URL,
				"spring.datasource.username", "app", "spring.datasource.password", "secret")))
			.isEqualTo(new DriverManagerDataSource(own, null, null));
	}

	@Test
	void readsNothingOfAnEmbeddedDatabaseOrOfNoneNamed() {
		assertThat(warmUp(Map.of("spring.datasource.url", "jdbc:h2:mem:app"))).isNull();
		assertThat(warmUp(Map.of("spring.datasource.username", "app"))).isNull();
	}

	@Test
	void readsNothingWhenTheStartUpLeavesTheDatabaseAloneOrWhenTurnedOff() {
		assertThat(warmUp(Map.of("spring.datasource.url", POSTGRES_URL, "migrations.on-startup", "none"))).isNull();
		assertThat(warmUp(Map.of("spring.datasource.url", POSTGRES_URL, "migrations.connect-ahead", "false")))
			.isNull();
	}

	@Test
	void readsNothingUnlessTurnedOn() {
		assertThat(bound(Map.of("spring.datasource.url", POSTGRES_URL))).isNull();
	}

	@Test
	void readingAnEmptyDatabaseCreatesNothing() {
		try (PostgresDatabase empty = PostgresDatabase.create("boot_warm_up_empty")) {
			CheckReport report = of(connectionProperties(empty)).run(scripts()).orElseThrow();
			assertThat(report.current()).isEmpty();
			assertThat(report.pending()).containsExactly("1a2b3c4d5e6f", HEAD);
			assertThat(VersionTable.exists(empty.dataSource(), MigrationsConfig.DEFAULT_VERSION_TABLE)).isFalse();
			assertThat(VersionTable.exists(empty.dataSource(), MigrationsConfig.DEFAULT_HISTORY_TABLE)).isFalse();
		}
	}

	@Test
	void aDatabaseItCannotReachIsLeftToTheStartUpToReport() {
		DatabaseWarmUp unreachable = of(Map.of("spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/app"));
		assertThat(unreachable.run(scripts())).isEmpty();
	}

	@Test
	void aStartUpReadsTheDatabaseOnThePreloadersThreadAndUpgradesItOnItsOwn(CapturedOutput output) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class)
			.web(WebApplicationType.NONE)
			.properties(connectionProperties(database))
			.run("--spring.main.banner-mode=off", "--migrations.connect-ahead=true",
					"--logging.level.dev.migrations.boot.autoconfigure.DatabaseWarmUp=debug")) {
			assertThat(VersionTable.rows(database.dataSource())).containsExactly(HEAD);
		}
		// Before the upgrade it reads two pending revisions; on a slow machine it may come after, at the target.
		assertThat(output).containsPattern("\\[migrations-preloader\\] .*DatabaseWarmUp.* Read the database's state "
				+ "ahead of the start-up in \\d+ ms: (Database is not up to date: 2 pending|at the target)");
	}

	private static Map<String, Object> connectionProperties(PostgresDatabase database) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.datasource.url", database.jdbcUrl());
		properties.put("spring.datasource.username", database.user());
		if (database.password() != null) {
			properties.put("spring.datasource.password", database.password());
		}
		return properties;
	}

	private static DriverManagerDataSource warmUp(Map<String, String> properties) {
		DatabaseWarmUp warmUp = of(properties);
		return (warmUp != null) ? warmUp.database() : null;
	}

	/** The warm-up for the properties, turned on unless they say otherwise. */
	private static DatabaseWarmUp of(Map<String, ?> properties) {
		Map<String, Object> turnedOn = new HashMap<>(properties);
		turnedOn.putIfAbsent("migrations.connect-ahead", "true");
		return bound(turnedOn);
	}

	private static DatabaseWarmUp bound(Map<String, ?> properties) {
		Binder binder = new Binder(new MapConfigurationPropertySource(properties));
		return DatabaseWarmUp.of(binder.bindOrCreate("migrations", MigrationsProperties.class), binder,
				DatabaseWarmUpTests.class.getClassLoader());
	}

	private static LoadedScripts scripts() {
		return new Migrations(MigrationsConfig.builder().build(), null).scripts();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class })
	static class TestApplication {

	}

}
