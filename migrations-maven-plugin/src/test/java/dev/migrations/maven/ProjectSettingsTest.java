package dev.migrations.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
		ProjectSettings settings = ProjectSettings.read(this.project, Map.of(), Map.of());
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
				Map.of("url", "postgresql://ci@localhost:5432/scratch"), Map.of());
		assertThat(settings.url()).startsWith("jdbc:postgresql://localhost:5432/scratch?");
		assertThat(settings.user()).isEqualTo("ci");
		assertThat(settings.settings().locations())
			.containsExactly("filesystem:" + this.project.resolve("src/main/resources/db/changes"));
	}

	@Test
	void noDatabaseSaysWhereToConfigureOne() {
		ProjectSettings settings = ProjectSettings.read(this.project, Map.of(), Map.of());
		assertThatThrownBy(settings::dataSource).isInstanceOf(MigrationsException.class)
			.hasMessage("No database configured");
	}

	private void write(String properties) throws IOException {
		Path resources = Files.createDirectories(this.project.resolve("src/main/resources"));
		Files.writeString(resources.resolve("application.properties"), properties);
	}

}
