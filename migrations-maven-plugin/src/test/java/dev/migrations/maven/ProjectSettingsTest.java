package dev.migrations.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.error.MigrationsException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The project's configuration read by the command line's rule, from a project directory. */
class ProjectSettingsTest {

	@TempDir
	Path project;

	@Test
	void theApplicationsDatabaseAndLoginAndItsScriptFolder() throws IOException {
		write("""
				spring.datasource.url=jdbc:postgresql://db:5432/app
				spring.datasource.username=app
				spring.datasource.password=secret
				spring.jpa.properties.hibernate.type.preferred_uuid_jdbc_type=CHAR
				""");
		ProjectSettings settings = ProjectSettings.read(this.project, Map.of(), Map.of(), List.of(), null);
		assertThat(settings.url()).startsWith("jdbc:postgresql://db:5432/app?");
		assertThat(settings.user()).isEqualTo("app");
		assertThat(settings.password()).isEqualTo("secret");
		assertThat(settings.settings().locations())
			.containsExactly("filesystem:" + this.project.resolve("src/main/resources/db/migrations"));
		assertThat(settings.properties()).containsEntry("spring.jpa.properties.hibernate.type.preferred_uuid_jdbc_type",
				"CHAR");
	}

	@Test
	void aGivenUrlTakesNoCredentialsFromTheProject() throws IOException {
		write("""
				spring.datasource.url=jdbc:postgresql://db:5432/app
				spring.datasource.username=app
				migrations.locations=classpath:db/changes
				""");
		ProjectSettings settings = ProjectSettings.read(this.project,
				Map.of("url", "postgresql://ci@localhost:5432/scratch"), Map.of(), List.of(), null);
		assertThat(settings.url()).startsWith("jdbc:postgresql://localhost:5432/scratch?");
		assertThat(settings.user()).isEqualTo("ci");
		assertThat(settings.settings().locations())
			.containsExactly("filesystem:" + this.project.resolve("src/main/resources/db/changes"));
	}

	@Test
	void noDatabaseSaysWhereToConfigureOne() {
		ProjectSettings settings = ProjectSettings.read(this.project, Map.of(), Map.of(), List.of(), null);
		assertThatThrownBy(settings::dataSource).isInstanceOf(MigrationsException.class)
			.hasMessage("No database configured");
	}

	@Test
	void aYamlProjectIsReadWithTheProfileOfTheGoalOrTheEnvironment() throws IOException {
		write("application.yml", """
				spring:
				  datasource:
				    url: jdbc:postgresql://dev-db:5432/app
				    username: app
				  jpa.properties.hibernate.default_schema: shop
				migrations:
				  locations: classpath:db/changes
				""");
		write("application-prod.yml", """
				spring.datasource.url: jdbc:postgresql://prod-db:5432/app
				""");
		ProjectSettings development = ProjectSettings.read(this.project, Map.of(), Map.of(), List.of(), null);
		assertThat(development.url()).startsWith("jdbc:postgresql://dev-db:5432/app?");
		assertThat(development.user()).isEqualTo("app");
		assertThat(development.settings().locations())
			.containsExactly("filesystem:" + this.project.resolve("src/main/resources/db/changes"));
		assertThat(development.properties()).containsEntry("spring.jpa.properties.hibernate.default_schema", "shop");
		ProjectSettings production = ProjectSettings.read(this.project, Map.of(), Map.of(), List.of("prod"), null);
		assertThat(production.url()).startsWith("jdbc:postgresql://prod-db:5432/app?");
		assertThat(production.user()).isEqualTo("app");
		assertThat(production.settings().databaseSource())
			.isEqualTo("spring.datasource.url in src/main/resources/application-prod.yml");
		assertThat(ProjectSettings
			.read(this.project, Map.of(), Map.of("SPRING_PROFILES_ACTIVE", "prod"), List.of(), null)
			.url()).startsWith("jdbc:postgresql://prod-db:5432/app?");
	}

	@Test
	void anInstanceIsItsOwnDatabaseLocationsAndEntitiesTheFlagsWinning() throws IOException {
		write("""
				spring.datasource.url=jdbc:postgresql://db:5432/app
				spring.datasource.username=app
				migrations.entity-packages=com.acme.shop
				migrations.instances.reporting.url=jdbc:postgresql://reports-db:5432/reports
				migrations.instances.reporting.locations=classpath:db/reporting
				migrations.instances.reporting.entity-packages=com.acme.reporting,com.acme.shared
				""");
		ProjectSettings reporting = ProjectSettings.read(this.project, Map.of(), Map.of(), List.of(), "reporting");
		assertThat(reporting.url()).startsWith("jdbc:postgresql://reports-db:5432/reports?");
		assertThat(reporting.settings().locations())
			.containsExactly("filesystem:" + this.project.resolve("src/main/resources/db/reporting"));
		assertThat(reporting.settings().entityPackages()).containsExactly("com.acme.reporting", "com.acme.shared");
		assertThat(ProjectSettings.read(this.project, Map.of(), Map.of(), List.of(), null).settings().entityPackages())
			.containsExactly("com.acme.shop");
		assertThat(ProjectSettings
			.read(this.project, Map.of("entity-packages", "com.acme.audit"), Map.of(), List.of(), "reporting")
			.settings()
			.entityPackages()).containsExactly("com.acme.audit");
	}

	@Test
	void anUnknownInstanceNamesTheKnownOnes() throws IOException {
		write("""
				migrations.instances.billing.url=jdbc:h2:mem:billing
				migrations.instances.reporting.url=jdbc:h2:mem:reporting
				""");
		assertThatThrownBy(() -> ProjectSettings.read(this.project, Map.of(), Map.of(), List.of(), "reportng"))
			.isInstanceOf(MigrationsException.class)
			.hasMessage("Unknown instance 'reportng' (known instances: billing, reporting)");
	}

	private void write(String properties) throws IOException {
		write("application.properties", properties);
	}

	private void write(String name, String content) throws IOException {
		Path resources = Files.createDirectories(this.project.resolve("src/main/resources"));
		Files.writeString(resources.resolve(name), content);
	}

}
