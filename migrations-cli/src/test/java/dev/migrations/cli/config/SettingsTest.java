package dev.migrations.cli.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.migrations.config.TransactionMode;
import dev.migrations.error.MigrationsException;
import dev.migrations.settings.MigrationsSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SettingsTest {

	private static final GlobalOptions NONE = new GlobalOptions(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

	@TempDir
	Path project;

	@Test
	void withNothingConfiguredThereIsNoDatabaseAndScriptsAreInMigrations() {
		MigrationsSettings settings = Settings.resolve(NONE, Map.of(), this.project);
		assertThat(settings.hasDatabase()).isFalse();
		assertThat(settings.locations()).containsExactly("filesystem:" + this.project.resolve("migrations"));
		assertThat(settings.versionTable()).isEqualTo("migrations_version");
		assertThat(settings.historyTable()).isEqualTo("migrations_history");
		assertThat(settings.lockTimeout()).isEqualTo(Duration.ofSeconds(60));
		assertThatExceptionOfType(MigrationsException.class).isThrownBy(() -> Settings.dataSource(settings))
			.withMessage("No database configured")
			.satisfies((ex) -> assertThat(ex.hint()).contains("--url").contains("MIGRATIONS_URL").contains("DATABASE_URL"));
	}

	@Test
	void optionsWinOverTheEnvironment() {
		GlobalOptions options = new GlobalOptions("postgresql://cli@h1/db", "admin", null, List.of("filesystem:sql"),
				"audit", "versions", null, "5s", null, null, null, null, null, null, null, null);
		Map<String, String> environment = Map.of("MIGRATIONS_URL", "jdbc:postgresql://h2/db", "MIGRATIONS_USER", "env",
				"MIGRATIONS_PASSWORD", "from-env");
		MigrationsSettings settings = Settings.resolve(options, environment, this.project);
		assertThat(settings.database().hostAndPort()).isEqualTo("h1:5432");
		assertThat(settings.user()).isEqualTo("admin");
		assertThat(settings.password()).isEqualTo("from-env");
		assertThat(settings.locations()).containsExactly("filesystem:sql");
		assertThat(settings.schema()).isEqualTo("audit");
		assertThat(settings.versionTable()).isEqualTo("versions");
		assertThat(settings.lockTimeout()).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void migrationsUrlComesBeforeDatabaseUrlWhoseCredentialsAreUsed() {
		MigrationsSettings fromMigrationsUrl = Settings.resolve(NONE,
				Map.of("MIGRATIONS_URL", "jdbc:postgresql://first/db", "DATABASE_URL", "postgresql://u:p@second/db"),
				this.project);
		assertThat(fromMigrationsUrl.database().host()).isEqualTo("first");
		MigrationsSettings fromDatabaseUrl = Settings.resolve(NONE, Map.of("DATABASE_URL", "postgresql://u:p@second/db"),
				this.project);
		assertThat(fromDatabaseUrl.database().host()).isEqualTo("second");
		assertThat(fromDatabaseUrl.user()).isEqualTo("u");
		assertThat(fromDatabaseUrl.password()).isEqualTo("p");
	}

	@Test
	void springBootProjectPropertiesServeTheCommand() throws IOException {
		write("application.properties", """
				spring.datasource.url=${DB_URL:jdbc:postgresql://localhost:5432/app}
				spring.datasource.username=app
				spring.datasource.password=secret
				migrations.locations=classpath:db/migrations,filesystem:/opt/extra
				migrations.schema=audit
				migrations.version-table=app_version
				migrations.history-table=app_history
				migrations.transaction-mode=single
				migrations.lock-timeout=1500
				migrations.validate-checksums=false
				""");
		MigrationsSettings settings = Settings.resolve(NONE, Map.of(), this.project);
		assertThat(settings.database().jdbcUrl()).startsWith("jdbc:postgresql://localhost:5432/app?");
		assertThat(settings.user()).isEqualTo("app");
		assertThat(settings.password()).isEqualTo("secret");
		assertThat(settings.locations()).containsExactly(
				"filesystem:" + this.project.resolve("src/main/resources/db/migrations"), "filesystem:/opt/extra");
		assertThat(settings.schema()).isEqualTo("audit");
		assertThat(settings.versionTable()).isEqualTo("app_version");
		assertThat(settings.historyTable()).isEqualTo("app_history");
		assertThat(settings.transactionMode()).isEqualTo(TransactionMode.SINGLE);
		assertThat(settings.lockTimeout()).isEqualTo(Duration.ofMillis(1500));
		assertThat(settings.validateChecksums()).isFalse();
	}

	@Test
	void createSchemasAndChecksumValidationComeFromTheFlagsThenTheProject() throws IOException {
		MigrationsSettings defaults = Settings.resolve(NONE, Map.of(), this.project);
		assertThat(defaults.createSchemas()).isFalse();
		assertThat(defaults.validateChecksums()).isTrue();
		assertThat(defaults.configBuilder().build().createSchemas()).isFalse();
		GlobalOptions flags = new GlobalOptions(null, null, null, null, null, null, null, null, true, false, null, null, null, null, null, null);
		MigrationsSettings fromFlags = Settings.resolve(flags, Map.of(), this.project);
		assertThat(fromFlags.createSchemas()).isTrue();
		assertThat(fromFlags.validateChecksums()).isFalse();
		assertThat(fromFlags.configBuilder().build().createSchemas()).isTrue();
		assertThat(fromFlags.configBuilder().build().validateChecksums()).isFalse();
		write("application.properties", "migrations.create-schemas=true\n");
		assertThat(Settings.resolve(NONE, Map.of(), this.project).createSchemas()).isTrue();
	}

	@Test
	void projectPlaceholdersAndRelaxedEnvironmentNamesResolveAsInSpring() throws IOException {
		write("application.yml", """
				spring:
				  datasource:
				    url: ${DB_URL:jdbc:postgresql://localhost:5432/app}
				    username: ${DB_USER}
				""");
		Map<String, String> environment = Map.of("DB_URL", "jdbc:postgresql://db:5433/app", "DB_USER", "deployer",
				"SPRING_DATASOURCE_PASSWORD", "from-env");
		MigrationsSettings settings = Settings.resolve(NONE, environment, this.project);
		assertThat(settings.database().hostAndPort()).isEqualTo("db:5433");
		assertThat(settings.user()).isEqualTo("deployer");
		assertThat(settings.password()).isEqualTo("from-env");
	}

	@Test
	void unsupportedUrlFailsOnlyWhenConnectingAndNamesWhereItCameFrom() {
		MigrationsSettings settings = Settings.resolve(NONE, Map.of("DATABASE_URL", "mysql://u:p@host/db"), this.project);
		assertThat(settings.hasDatabase()).isFalse();
		assertThat(settings.configBuilder().build().offlineDialect()).isNull();
		assertThatExceptionOfType(MigrationsException.class).isThrownBy(() -> Settings.dataSource(settings))
			.withMessage("Unsupported database URL scheme 'mysql' in DATABASE_URL");
		MigrationsSettings malformed = Settings.resolve(
				new GlobalOptions("postgresql://u:p@ss@host/db", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null), Map.of(),
				this.project);
		assertThatExceptionOfType(MigrationsException.class).isThrownBy(() -> Settings.dataSource(malformed))
			.withMessage("Malformed database URL in --url: special characters in the user name or password must be"
					+ " percent-encoded");
	}

	@Test
	void projectUrlIsNamedByItsKeyAndFileOrItsEnvironmentVariable() throws IOException {
		write("application.properties", "spring.datasource.url=sqlite:app.db\n");
		assertThatExceptionOfType(MigrationsException.class)
			.isThrownBy(() -> Settings.dataSource(Settings.resolve(NONE, Map.of(), this.project)))
			.withMessage("Unsupported database URL scheme 'sqlite' in spring.datasource.url in "
					+ "src/main/resources/application.properties");
		assertThat(Settings.resolve(NONE, Map.of("SPRING_DATASOURCE_URL", "jdbc:h2:mem:x"), this.project)
			.databaseSource()).isEqualTo("SPRING_DATASOURCE_URL");
		assertThat(Settings.resolve(NONE, Map.of("MIGRATIONS_URL", "jdbc:h2:mem:x"), this.project).databaseSource())
			.isEqualTo("MIGRATIONS_URL");
	}

	@Test
	void dedicatedMigrationsUrlBeatsTheApplicationsDataSource() throws IOException {
		write("application.properties", """
				spring.datasource.url=jdbc:postgresql://app-db/app
				spring.datasource.username=app
				migrations.url=jdbc:postgresql://ddl-db/app
				migrations.user=ddl
				""");
		MigrationsSettings settings = Settings.resolve(NONE, Map.of(), this.project);
		assertThat(settings.database().host()).isEqualTo("ddl-db");
		assertThat(settings.user()).isEqualTo("ddl");
	}

	@Test
	void migrationsUserLogsInToTheApplicationsDatabase() throws IOException {
		write("application.properties", """
				spring.datasource.url=jdbc:postgresql://app-db/app
				spring.datasource.username=app
				spring.datasource.password=app-secret
				migrations.user=ddl
				""");
		MigrationsSettings settings = Settings.resolve(NONE, Map.of(), this.project);
		assertThat(settings.database().host()).isEqualTo("app-db");
		assertThat(settings.user()).isEqualTo("ddl");
		assertThat(settings.password()).isEqualTo("app-secret");
	}

	@Test
	void dedicatedMigrationsUrlTakesOnlyItsOwnCredentials() throws IOException {
		write("application.properties", """
				spring.datasource.url=jdbc:postgresql://app-db/app
				spring.datasource.username=app
				migrations.url=jdbc:postgresql://ddl-db/app
				""");
		MigrationsSettings settings = Settings.resolve(NONE, Map.of(), this.project);
		assertThat(settings.database().host()).isEqualTo("ddl-db");
		assertThat(settings.user()).isNull();
	}

	@Test
	void environmentUrlIsNotGivenTheProjectsCredentials() throws IOException {
		write("application.properties", """
				spring.datasource.url=jdbc:postgresql://app-db/app
				spring.datasource.username=app
				""");
		MigrationsSettings settings = Settings.resolve(NONE, Map.of("DATABASE_URL", "postgresql://other-db/app"), this.project);
		assertThat(settings.database().host()).isEqualTo("other-db");
		assertThat(settings.user()).isNull();
	}

	@Test
	void profileOfTheCommandLineOrTheEnvironmentChoosesTheDatabase() throws IOException {
		write("application.yml", """
				spring.datasource.url: jdbc:h2:mem:app
				---
				spring.config.activate.on-profile: prod
				spring.datasource.url: jdbc:postgresql://prod-db/app
				""");
		write("application-ci.properties", "spring.datasource.url=jdbc:postgresql://ci-db/app\n");
		assertThat(Settings.resolve(NONE, Map.of(), this.project).database().jdbcUrl()).isEqualTo("jdbc:h2:mem:app");
		assertThat(Settings.resolve(NONE, Map.of("SPRING_PROFILES_ACTIVE", "prod"), this.project).database().host())
			.isEqualTo("prod-db");
		GlobalOptions ci = new GlobalOptions(null, null, null, null, null, null, null, null, null, null, null, null, null, null, List.of("ci"), null);
		MigrationsSettings settings = Settings.resolve(ci, Map.of("SPRING_PROFILES_ACTIVE", "prod"), this.project);
		assertThat(settings.database().host()).isEqualTo("ci-db");
		assertThat(settings.databaseSource())
			.isEqualTo("spring.datasource.url in src/main/resources/application-ci.properties");
	}

	@Test
	void unknownTransactionModeNamesTheValue() throws IOException {
		write("application.properties", "migrations.transaction-mode=sometimes\n");
		assertThatExceptionOfType(MigrationsException.class)
			.isThrownBy(() -> Settings.resolve(NONE, Map.of(), this.project))
			.withMessageContaining("'sometimes'")
			.satisfies((ex) -> assertThat(ex.hint()).isEqualTo("Use per-revision or single"));
	}

	private void write(String name, String content) throws IOException {
		Path resources = Files.createDirectories(this.project.resolve("src/main/resources"));
		Files.writeString(resources.resolve(name), content);
	}

}
