package dev.migrations.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.error.MigrationsException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The settings of a tool run on a Spring Boot project's sources, and where its scripts are. */
class SpringBootProjectTest {

	@TempDir
	Path project;

	@Test
	void projectClasspathLocationsAreReadFromTheSourceFolder() throws IOException {
		write("application.properties", "migrations.locations=classpath:/db/migrations,filesystem:/opt/extra\n");
		assertThat(settings(Map.of(), Map.of()).locations()).containsExactly(
				"filesystem:" + this.project.resolve("src/main/resources/db/migrations"), "filesystem:/opt/extra");
	}

	@Test
	void environmentClasspathLocationsAreReadFromTheSourceFolderAndGivenOnesAreLeftAsGiven() {
		assertThat(settings(Map.of(), Map.of("MIGRATIONS_LOCATIONS", "classpath:db/changes")).locations())
			.containsExactly("filesystem:" + this.project.resolve("src/main/resources/db/changes"));
		assertThat(settings(Map.of("locations", "classpath:db/changes"), Map.of()).locations())
			.containsExactly("classpath:db/changes");
	}

	@Test
	void withNoLocationConfiguredTheToolsDefaultDirectoryIsUsed() {
		MigrationsSettings settings = SpringBootProject.settings(Map.of(), Map.of(), load(Map.of()),
				this.project.resolve("scripts"));
		assertThat(settings.locations()).containsExactly("filesystem:" + this.project.resolve("scripts"));
	}

	@Test
	void withoutConfigurationFilesTheProjectNamesNoDatabase() throws IOException {
		Files.createDirectories(this.project.resolve("src/main/resources"));
		assertThat(settings(Map.of(), Map.of()).hasDatabase()).isFalse();
		write("application.yml", "spring.datasource.url: jdbc:h2:mem:app\n");
		assertThat(settings(Map.of(), Map.of()).databaseSource())
			.isEqualTo("spring.datasource.url in src/main/resources/application.yml");
	}

	@Test
	void scriptsDefaultToTheProjectFolderWhenItExistsElseToMigrations() throws IOException {
		Path projectScripts = this.project.resolve("src/main/resources/db/migrations");
		assertThat(SpringBootProject.defaultScriptDirectory(this.project)).isEqualTo(this.project.resolve("migrations"));
		assertThat(SpringBootProject.newScriptDirectory(this.project)).isEqualTo(this.project.resolve("migrations"));
		assertThat(SpringBootProject.projectScriptDirectory(this.project)).isEqualTo(projectScripts);
		Files.createDirectories(this.project.resolve("src/main/resources"));
		assertThat(SpringBootProject.defaultScriptDirectory(this.project)).isEqualTo(this.project.resolve("migrations"));
		assertThat(SpringBootProject.newScriptDirectory(this.project)).isEqualTo(projectScripts);
		Files.createDirectories(projectScripts);
		assertThat(SpringBootProject.defaultScriptDirectory(this.project)).isEqualTo(projectScripts);
	}

	@Test
	void anInstanceWithAKeyItDoesNotTakeIsRefusedAndTheDefaultSetLeavesItAlone() throws IOException {
		write("application.yml", """
				spring.datasource.url: jdbc:h2:mem:app
				migrations:
				  instances:
				    reporting:
				      locaitons: classpath:db/reporting
				    audit:
				      locations: classpath:db/audit
				""");
		assertThatExceptionOfType(MigrationsException.class)
			.isThrownBy(() -> SpringBootProject.settings(Map.of(), Map.of(), load(Map.of()), this.project, "reporting"))
			.withMessage("Unknown instance setting migrations.instances.reporting.locaitons");
		assertThat(SpringBootProject.settings(Map.of(), Map.of(), load(Map.of()), this.project, "audit").locations())
			.containsExactly("filesystem:" + this.project.resolve("src/main/resources/db/audit"));
		assertThat(settings(Map.of(), Map.of()).databaseSource())
			.isEqualTo("spring.datasource.url in src/main/resources/application.yml");
	}

	private MigrationsSettings settings(Map<String, String> flags, Map<String, String> environment) {
		return SpringBootProject.settings(flags, environment, load(environment),
				SpringBootProject.defaultScriptDirectory(this.project));
	}

	private ProjectProperties load(Map<String, String> environment) {
		return ProjectProperties.load(this.project, environment, List.of());
	}

	private void write(String name, String content) throws IOException {
		Path resources = Files.createDirectories(this.project.resolve("src/main/resources"));
		Files.writeString(resources.resolve(name), content);
	}

}
