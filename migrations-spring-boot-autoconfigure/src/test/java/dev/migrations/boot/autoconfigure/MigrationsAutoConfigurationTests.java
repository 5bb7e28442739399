package dev.migrations.boot.autoconfigure;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.migrations.DriverManagerDataSource;
import dev.migrations.Migrations;
import dev.migrations.config.MigrationsConfig;
import dev.migrations.config.RunSafety;
import dev.migrations.config.TransactionMode;
import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.script.JavaMigration;
import dev.migrations.script.MigrationRevision;
import dev.migrations.testing.H2Database;
import dev.migrations.testing.PostgresDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class MigrationsAutoConfigurationTests {

	private static final String HEAD = "2b3c4d5e6f70";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				JdbcTemplateAutoConfiguration.class, MigrationsAutoConfiguration.class));

	private H2Database application;

	private H2Database other;

	@BeforeEach
	void createDatabases() {
		this.application = H2Database.create("boot_app", H2Database.Mode.DEFAULT);
		this.other = H2Database.create("boot_other", H2Database.Mode.DEFAULT);
	}

	@AfterEach
	void dropDatabases() {
		this.application.close();
		this.other.close();
	}

	private ApplicationContextRunner onApplicationDatabase() {
		return this.contextRunner.withPropertyValues("spring.datasource.url=" + this.application.jdbcUrl(),
				"spring.datasource.username=sa");
	}

	@Test
	void upgradesTheApplicationDatabaseToHeadOnStartup() {
		onApplicationDatabase().run((context) -> {
			assertThat(context).hasSingleBean(Migrations.class).hasSingleBean(MigrationsInitializer.class);
			assertThat(VersionTable.rows(this.application.dataSource())).containsExactly(HEAD);
		});
	}

	@Test
	void upgradesOnlyToTheConfiguredTarget() {
		onApplicationDatabase().withPropertyValues("migrations.target=1a2b3c4d5e6f")
			.run((context) -> assertThat(VersionTable.rows(this.application.dataSource()))
				.containsExactly("1a2b3c4d5e6f"));
	}

	@Test
	void backsOffWhenDisabled() {
		onApplicationDatabase().withPropertyValues("migrations.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(Migrations.class);
			assertThat(VersionTable.exists(this.application.dataSource(), "migrations_version")).isFalse();
		});
	}

	@Test
	void backsOffWithoutADataSourceConnectionDetailsOrUrl() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(Migrations.class));
	}

	@Test
	void runsOnADatabaseOfItsOwnFromMigrationsUrl() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class))
			.withPropertyValues("migrations.url=" + this.other.jdbcUrl(), "migrations.user=sa")
			.run((context) -> assertThat(VersionTable.rows(this.other.dataSource())).containsExactly(HEAD));
	}

	@Test
	void prefersMigrationsUrlToTheApplicationDataSource() {
		onApplicationDatabase().withPropertyValues("migrations.url=" + this.other.jdbcUrl(), "migrations.user=sa")
			.run((context) -> {
				assertThat(VersionTable.rows(this.other.dataSource())).containsExactly(HEAD);
				assertThat(VersionTable.exists(this.application.dataSource(), "migrations_version")).isFalse();
			});
	}

	@Test
	void prefersTheDataSourceMarkedMigrationsDataSource() {
		this.contextRunner.withUserConfiguration(QualifiedDataSourceConfiguration.class)
			.withPropertyValues("test.application-url=" + this.application.jdbcUrl(),
					"test.migrations-url=" + this.other.jdbcUrl())
			.run((context) -> {
				assertThat(VersionTable.rows(this.other.dataSource())).containsExactly(HEAD);
				assertThat(VersionTable.exists(this.application.dataSource(), "migrations_version")).isFalse();
			});
	}

	@Test
	void connectsToTheApplicationDatabaseAsMigrationsUser() throws Exception {
		try (Connection connection = this.application.connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE USER migrator PASSWORD 'secret' ADMIN");
		}
		onApplicationDatabase().withPropertyValues("migrations.user=migrator", "migrations.password=secret")
			.run((context) -> assertThat(VersionTable.rows(this.application.dataSource())).containsExactly(HEAD));
	}

	@Test
	void failsToStartWhenMigrationsUserCannotLogIn() throws Exception {
		this.application.connect().close(); // H2 makes the first user to connect the owner of a new database
		onApplicationDatabase().withPropertyValues("migrations.user=intruder", "migrations.password=guess")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("Wrong user name or password");
			});
	}

	@Test
	void runsOnJdbcConnectionDetailsWithoutADataSource() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class))
			.withBean(JdbcConnectionDetails.class, () -> new H2ConnectionDetails(this.other.jdbcUrl()))
			.run((context) -> assertThat(VersionTable.rows(this.other.dataSource())).containsExactly(HEAD));
	}

	@Test
	void mapsEveryPropertyOntoTheEngineConfiguration() {
		onApplicationDatabase()
			.withPropertyValues("migrations.on-startup=none", "migrations.locations=classpath:db/a,filesystem:db/b",
					"migrations.schema=app", "migrations.version-table=app_version",
					"migrations.history-table=app_history", "migrations.transaction-mode=single",
					"migrations.lock-wait=5s", "migrations.statement-lock-timeout=500ms",
					"migrations.statement-timeout=0", "migrations.lock-retries=10", "migrations.reconnect=false",
					"migrations.validate-checksums=false")
			.run((context) -> {
				MigrationsConfig config = context.getBean(Migrations.class).config();
				assertThat(config.locations()).containsExactly("classpath:db/a", "filesystem:db/b");
				assertThat(config.schema()).isEqualTo("app");
				assertThat(config.versionTable()).isEqualTo("app_version");
				assertThat(config.historyTable()).isEqualTo("app_history");
				assertThat(config.transactionMode()).isEqualTo(TransactionMode.SINGLE);
				assertThat(config.lockTimeout()).isEqualTo(Duration.ofSeconds(5));
				assertThat(config.safety())
					.isEqualTo(new RunSafety(Duration.ofMillis(500), Duration.ZERO, 10, false));
				assertThat(config.validateChecksums()).isFalse();
				assertThat(config.classLoader()).isSameAs(context.getClassLoader());
			});
	}

	@Test
	void theFormerNameOfLockWaitStillSetsIt() {
		onApplicationDatabase().withPropertyValues("migrations.on-startup=none", "migrations.lock-timeout=7s")
			.run((context) -> assertThat(context.getBean(Migrations.class).config().lockTimeout())
				.isEqualTo(Duration.ofSeconds(7)));
	}

	@Test
	void lintFailStopsStartUpOnAnUnsafePendingRevisionBeforeAnyRuns() {
		onApplicationDatabase().withPropertyValues("migrations.locations=classpath:db/unsafe", "migrations.lint=fail")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new MigrationsFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).startsWith(
						"Lint found statements unsafe on a live database in the revisions to run, so none ran:\n  ")
					.containsPattern("0002_index_note_body.sql:6: error require-concurrent-index-creation: ");
				assertThat(analysis.getAction()).endsWith("In this application: set migrations.lint=warn to log the "
						+ "findings and upgrade anyway, or migrations.lint=off");
				assertThat(VersionTable.exists(this.application.dataSource(), "migrations_version")).isFalse();
			});
	}

	@Test
	void lintWarnLogsTheFindingsAndUpgrades(CapturedOutput output) {
		onApplicationDatabase().withPropertyValues("migrations.locations=classpath:db/unsafe").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).containsPattern("Lint: .*0002_index_note_body.sql:6: error "
					+ "require-concurrent-index-creation: ")
				.contains("Upgrading anyway (migrations.lint=warn; set migrations.lint=fail to stop on an error)");
			assertThat(VersionTable.rows(this.application.dataSource())).containsExactly("3c4d5e6f7081");
		});
	}

	@Test
	void lintOffRunsThePendingRevisionsUnchecked(CapturedOutput output) {
		onApplicationDatabase().withPropertyValues("migrations.locations=classpath:db/unsafe", "migrations.lint=off")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).doesNotContain("Lint: ");
				assertThat(VersionTable.rows(this.application.dataSource())).containsExactly("3c4d5e6f7081");
			});
	}

	@Test
	void appliesConfigCustomizersAfterTheProperties() {
		onApplicationDatabase().withPropertyValues("migrations.version-table=app_version")
			.withBean(MigrationsConfigCustomizer.class, () -> (config) -> config.versionTable("custom_version"))
			.run((context) -> {
				assertThat(context.getBean(Migrations.class).config().versionTable()).isEqualTo("custom_version");
				assertThat(VersionTable.rows(this.application.dataSource(), "custom_version")).containsExactly(HEAD);
			});
	}

	@Test
	void picksUpJavaMigrationBeans() {
		onApplicationDatabase().withBean(TagEveryNote.class).run((context) -> {
			assertThat(context.getBean(Migrations.class).config().javaMigrations())
				.containsExactly(context.getBean(TagEveryNote.class));
			assertThat(VersionTable.rows(this.application.dataSource())).containsExactly("4d5e6f708192");
		});
	}

	@Test
	void onStartupNoneLeavesTheDatabaseAlone() {
		onApplicationDatabase().withPropertyValues("migrations.on-startup=none").run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(MigrationsInitializer.class);
			assertThat(VersionTable.exists(this.application.dataSource(), "migrations_version")).isFalse();
		});
	}

	@Test
	void onStartupNoneWarnsOfPendingRevisions(CapturedOutput output) {
		onApplicationDatabase().withPropertyValues("migrations.on-startup=none").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).contains("Database has 2 pending revision(s) up to 'head' (1a2b3c4d5e6f, " + HEAD
					+ ") and migrations.on-startup=none leaves them unapplied "
					+ "(set migrations.on-startup=upgrade to apply them on start-up)");
			assertThat(VersionTable.exists(this.application.dataSource(), "migrations_version")).isFalse();
		});
	}

	@Test
	void onStartupValidateStartsWhenTheDatabaseIsAtTheTarget() {
		new Migrations(MigrationsConfig.builder().build(), this.application.dataSource()).upgrade("head");
		onApplicationDatabase().withPropertyValues("migrations.on-startup=validate")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void onStartupValidateFailsWithPendingRevisions() {
		onApplicationDatabase().withPropertyValues("migrations.on-startup=validate").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(MigrationsException.class, (ex) -> {
					assertThat(ex.getMessage())
						.isEqualTo("Database is not up to date: 2 pending revision(s): 1a2b3c4d5e6f, " + HEAD);
					assertThat(ex.hint()).isEqualTo(
							"Upgrade the database ('migrations upgrade head') or set migrations.on-startup=upgrade");
				});
			assertThat(VersionTable.exists(this.application.dataSource(), "note")).isFalse();
		});
	}

	@Test
	void onStartupValidateFailsWhenAnAppliedScriptChanged() {
		new Migrations(MigrationsConfig.builder().build(), this.application.dataSource()).upgrade("head");
		new JdbcTemplate(this.application.dataSource())
			.update("UPDATE migrations_history SET checksum = 'edited' WHERE revision = '1a2b3c4d5e6f'");
		onApplicationDatabase().withPropertyValues("migrations.on-startup=validate").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(MigrationsException.class, (ex) -> {
					assertThat(ex.kind()).isEqualTo(ErrorKind.CHECKSUM);
					assertThat(ex.getMessage()).isEqualTo(
							"Checksum mismatch: applied revision 1a2b3c4d5e6f was changed after it was applied");
					assertThat(ex.hint()).isEqualTo("Restore the applied scripts as they were, "
							+ "or set migrations.validate-checksums=false to accept them");
				});
		});
		onApplicationDatabase().withPropertyValues("migrations.on-startup=validate", "migrations.validate-checksums=false")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void aMissingSchemaFailsStartupAndIsCreatedOnlyWithCreateSchemas() {
		onApplicationDatabase().withPropertyValues("migrations.schema=nosuch").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(MigrationsException.class, (ex) -> {
					assertThat(ex.kind()).isEqualTo(ErrorKind.CONFIG);
					assertThat(ex.getMessage()).isEqualTo("Schema 'nosuch' does not exist");
					assertThat(ex.hint()).contains("migrations.create-schemas=true");
				});
		});
		assertThat(schemas()).doesNotContain("NOSUCH");
		onApplicationDatabase().withPropertyValues("migrations.schema=nosuch", "migrations.create-schemas=true")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(schemas()).contains("NOSUCH");
	}

	private List<String> schemas() {
		return new JdbcTemplate(this.application.dataSource())
			.queryForList("SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA", String.class);
	}

	@Test
	void aStartupStrategyBeanReplacesOnStartup() {
		onApplicationDatabase().withBean(RecordingStrategy.class).run((context) -> {
			assertThat(context.getBean(RecordingStrategy.class).migrated)
				.containsExactly(context.getBean(Migrations.class));
			assertThat(VersionTable.exists(this.application.dataSource(), "migrations_version")).isFalse();
		});
	}

	@Test
	void backsOffFromMigrationsDefinedByTheApplication() {
		Migrations own = new Migrations(MigrationsConfig.builder().versionTable("own_version").build(),
				this.other.dataSource());
		onApplicationDatabase().withBean(Migrations.class, () -> own).run((context) -> {
			assertThat(context.getBean(Migrations.class)).isSameAs(own);
			assertThat(VersionTable.rows(this.other.dataSource(), "own_version")).containsExactly(HEAD);
		});
	}

	@Test
	void backsOffFromAnInitializerDefinedByTheApplication() {
		MigrationsInitializer own = new MigrationsInitializer(
				new Migrations(MigrationsConfig.builder().build(), this.other.dataSource()),
				MigrationsStartupStrategy.none());
		onApplicationDatabase().withBean(MigrationsInitializer.class, () -> own).run((context) -> {
			assertThat(context.getBean(MigrationsInitializer.class)).isSameAs(own);
			assertThat(VersionTable.exists(this.application.dataSource(), "migrations_version")).isFalse();
		});
	}

	@Test
	void jdbcTemplatesWaitForMigrations() {
		onApplicationDatabase().run((context) -> {
			assertThat(context.getBeanFactory().getBeanDefinition("jdbcTemplate").getDependsOn())
				.contains("migrationsInitializer");
			assertThat(context.getBeanFactory().getBeanDefinition("namedParameterJdbcTemplate").getDependsOn())
				.contains("migrationsInitializer");
		});
	}

	@Test
	void theEntityManagerFactoryWaitsForMigrations() {
		onApplicationDatabase().withConfiguration(AutoConfigurations.of(HibernateJpaAutoConfiguration.class))
			.withPropertyValues("spring.jpa.hibernate.ddl-auto=none")
			.run((context) -> assertThat(
					context.getBeanFactory().getBeanDefinition("entityManagerFactory").getDependsOn())
				.contains("migrationsInitializer"));
	}

	@Test
	void upgradesThroughAPoolOfOneConnection() {
		try (PostgresDatabase database = PostgresDatabase.create("boot_pool_of_one")) {
			this.contextRunner
				.withPropertyValues("spring.datasource.url=" + database.jdbcUrl(),
						"spring.datasource.username=" + database.user(),
						"spring.datasource.password=" + Objects.toString(database.password(), ""),
						"spring.datasource.hikari.maximum-pool-size=1", "spring.datasource.hikari.connection-timeout=1000")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(VersionTable.rows(database.dataSource())).containsExactly(HEAD);
					assertThat(context.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM note",
							Integer.class)).isZero();
				});
		}
	}

	@Test
	void logsWhoHoldsTheLockWhileWaitingForIt(CapturedOutput output) throws Exception {
		try (PostgresDatabase database = PostgresDatabase.create("boot_lock_wait");
				Connection holder = database.connect();
				Statement statement = holder.createStatement()) {
			long key = ByteBuffer.wrap(MessageDigest.getInstance("SHA-256")
				.digest("public.migrations_version".getBytes(StandardCharsets.UTF_8))).getLong();
			statement.execute("SELECT pg_advisory_lock(" + key + ")");
			ResultSet pid = statement.executeQuery("SELECT pg_backend_pid()");
			pid.next();
			String holderPid = pid.getString(1);
			// Released once the waiting run has said whom it waits for, or after 30 s if it never does.
			Thread releaser = new Thread(() -> {
				try {
					long deadline = System.nanoTime() + 30_000_000_000L;
					while (!output.toString().contains("Waiting for the migration lock") && System.nanoTime() < deadline) {
						Thread.sleep(100);
					}
					try (Statement release = holder.createStatement()) {
						release.execute("SELECT pg_advisory_unlock_all()");
					}
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
			releaser.start();
			this.contextRunner
				.withPropertyValues("spring.datasource.url=" + database.jdbcUrl(),
						"spring.datasource.username=" + database.user(),
						"spring.datasource.password=" + Objects.toString(database.password(), ""))
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(VersionTable.rows(database.dataSource())).containsExactly(HEAD);
				});
			releaser.join();
			assertThat(output).containsPattern("Waiting for the migration lock 'public.migrations_version', held by "
					+ "PostgreSQL session " + holderPid + " .*connected since .*\\(5 s so far, lock timeout 60 s\\)");
		}
	}

	@Test
	void upgradesDuringStartupUnderLazyInitialization() {
		onApplicationDatabase()
			.withInitializer((context) -> context.addBeanFactoryPostProcessor(
					new LazyInitializationBeanFactoryPostProcessor()))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(VersionTable.rows(this.application.dataSource())).containsExactly(HEAD);
			});
	}

	@Test
	void failsWhenAPlainMigrationsDataSourceTakesOverTheApplicationOne() {
		this.contextRunner.withUserConfiguration(PlainQualifiedDataSourceConfiguration.class)
			.withPropertyValues("spring.datasource.url=" + this.application.jdbcUrl(), "spring.datasource.username=sa",
					"test.migrations-url=" + this.other.jdbcUrl())
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOfSatisfying(MigrationsException.class, (ex) -> {
						assertThat(ex.kind()).isEqualTo(ErrorKind.CONFIG);
						assertThat(ex.getMessage()).isEqualTo("The DataSource marked @MigrationsDataSource is the "
								+ "application's only DataSource, so the one spring.datasource.url describes was never created");
						assertThat(ex.hint()).isEqualTo("Declare the migration DataSource with "
								+ "@Bean(defaultCandidate = false) @MigrationsDataSource, so that Spring Boot still "
								+ "creates the application's DataSource from spring.datasource.*");
					});
				assertThat(VersionTable.exists(this.other.dataSource(), "migrations_version")).isFalse();
			});
	}

	@Test
	void aMigrationsDataSourceThatIsNoDefaultCandidateLeavesTheApplicationItsOwn() {
		this.contextRunner.withUserConfiguration(NonDefaultQualifiedDataSourceConfiguration.class)
			.withPropertyValues("spring.datasource.url=" + this.application.jdbcUrl(), "spring.datasource.username=sa",
					"test.migrations-url=" + this.other.jdbcUrl())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(VersionTable.rows(this.other.dataSource())).containsExactly(HEAD);
				assertThat(context.getBean(DataSource.class)).isInstanceOf(HikariDataSource.class);
				assertThat(VersionTable.exists(this.application.dataSource(), "migrations_version")).isFalse();
			});
	}

	@Test
	void twoUnqualifiedDataSourcesNameMigrationsDataSource() {
		this.contextRunner.withUserConfiguration(TwoDataSourcesConfiguration.class)
			.withPropertyValues("test.application-url=" + this.application.jdbcUrl(),
					"test.migrations-url=" + this.other.jdbcUrl())
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOfSatisfying(MigrationsException.class, (ex) -> {
						assertThat(ex.getMessage()).isEqualTo(
								"Found 2 DataSources and none is marked for migrations: firstDataSource, secondDataSource");
						assertThat(ex.hint()).isEqualTo("Mark the one to migrate with @MigrationsDataSource (and the "
								+ "application's main one @Primary), or set migrations.url");
					});
			});
	}

	@Test
	void failsOnAConfiguredClasspathLocationThatDoesNotExist() {
		onApplicationDatabase().withPropertyValues("migrations.locations=classpath:db/migration").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(MigrationsException.class, (ex) -> {
					assertThat(ex.getMessage())
						.isEqualTo("Script location 'classpath:db/migration' does not exist on the class path");
					assertThat(ex.hint()).isEqualTo("Create it (src/main/resources/db/migration in a Maven or "
							+ "Gradle project), or fix the locations setting");
				});
			assertThat(VersionTable.exists(this.application.dataSource(), "migrations_version")).isFalse();
		});
	}

	@Test
	void warnsWhenTheDefaultLocationHasNoScripts(CapturedOutput output) {
		onApplicationDatabase().withClassLoader(new FilteredClassLoader(new ClassPathResource("db/migrations")))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("No revision scripts found in classpath:db/migrations: there is nothing "
						+ "to migrate (set migrations.locations to where the scripts are)");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class PlainQualifiedDataSourceConfiguration {

		@Bean
		@MigrationsDataSource
		DataSource migrationsDataSource(Environment environment) {
			return new DriverManagerDataSource(environment.getRequiredProperty("test.migrations-url"), "sa", "");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NonDefaultQualifiedDataSourceConfiguration {

		@Bean(defaultCandidate = false)
		@MigrationsDataSource
		DataSource migrationsDataSource(Environment environment) {
			return new DriverManagerDataSource(environment.getRequiredProperty("test.migrations-url"), "sa", "");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoDataSourcesConfiguration {

		@Bean
		DataSource firstDataSource(Environment environment) {
			return new DriverManagerDataSource(environment.getRequiredProperty("test.application-url"), "sa", "");
		}

		@Bean
		DataSource secondDataSource(Environment environment) {
			return new DriverManagerDataSource(environment.getRequiredProperty("test.migrations-url"), "sa", "");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class QualifiedDataSourceConfiguration {

		@Bean
		@Primary
		DataSource applicationDataSource(Environment environment) {
			return new DriverManagerDataSource(environment.getRequiredProperty("test.application-url"), "sa", "");
		}

		@Bean
		@MigrationsDataSource
		DataSource migrationsDataSource(Environment environment) {
			return new DriverManagerDataSource(environment.getRequiredProperty("test.migrations-url"), "sa", "");
		}

	}

	record H2ConnectionDetails(String getJdbcUrl) implements JdbcConnectionDetails {

		@Override
		public String getUsername() {
			return "sa";
		}

		@Override
		public String getPassword() {
			return "";
		}

	}

	@MigrationRevision(id = "4d5e6f708192", revises = HEAD, message = "tag every note")
	static class TagEveryNote implements JavaMigration {

		@Override
		public void upgrade(Connection connection) throws Exception {
			try (Statement statement = connection.createStatement()) {
				statement.execute("UPDATE note SET tag = 'untagged'");
			}
		}

	}

	static class RecordingStrategy implements MigrationsStartupStrategy {

		final List<Migrations> migrated = new ArrayList<>();

		@Override
		public void migrate(Migrations migrations) {
			this.migrated.add(migrations);
		}

	}

}
