package dev.migrations.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.migrations.error.MigrationsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ProjectPropertiesTest {

	@TempDir
	Path project;

	@Test
	void nestedMapsBecomeDottedKeysAndUrlsStayWhole() throws IOException {
		write("application.yml", """
				spring:
				  datasource:
				    url: jdbc:postgresql://localhost:5432/app   # the app's database
				    username: app
				    password: "s3cr#t"
				migrations:
				  version-table: 'schema_version'
				  lock-timeout: 1500
				  created: 2026-12-05
				""");
		ProjectProperties properties = load();
		assertThat(properties.found()).isTrue();
		assertThat(properties.get("spring.datasource.url")).isEqualTo("jdbc:postgresql://localhost:5432/app");
		assertThat(properties.get("spring.datasource.username")).isEqualTo("app");
		assertThat(properties.get("spring.datasource.password")).isEqualTo("s3cr#t");
		assertThat(properties.get("migrations.version-table")).isEqualTo("schema_version");
		assertThat(properties.get("migrations.lock-timeout")).isEqualTo("1500");
		assertThat(properties.get("migrations.created")).isEqualTo("2026-12-05");
		assertThat(properties.origin("spring.datasource.url"))
			.isEqualTo("spring.datasource.url in src/main/resources/application.yml");
	}

	@Test
	void listsGetIndexedKeysAsInSpring() throws IOException {
		write("application.yml", """
				migrations:
				  locations:
				  - classpath:db/migrations
				  - filesystem:extra
				servers:
				  - host: one
				    port: 1
				  - host: two
				other:
				  names: [a, 'b c']
				""");
		ProjectProperties properties = load();
		assertThat(properties.get("migrations.locations[0]")).isEqualTo("classpath:db/migrations");
		assertThat(properties.get("migrations.locations[1]")).isEqualTo("filesystem:extra");
		assertThat(properties.get("servers[0].host")).isEqualTo("one");
		assertThat(properties.get("servers[0].port")).isEqualTo("1");
		assertThat(properties.get("servers[1].host")).isEqualTo("two");
		assertThat(properties.get("other.names[1]")).isEqualTo("b c");
	}

	@Test
	void blockScalarsCommentsAndNulls() throws IOException {
		write("application.yml", """
				description: |
				  first line
				  second line
				note: don't # a comment
				empty: ~
				""");
		ProjectProperties properties = load();
		assertThat(properties.get("description")).isEqualTo("first line\nsecond line\n");
		assertThat(properties.get("note")).isEqualTo("don't");
		assertThat(properties.get("empty")).isEmpty();
	}

	@Test
	void propertiesWinOverYamlAndProfileFilesOverBoth() throws IOException {
		write("application.yaml", "a: yaml\nb: yaml\nc: yaml\nd: yaml\n");
		write("application.yml", "b: yml\nc: yml\nd: yml\n");
		write("application.properties", "c=properties\nd=properties\n");
		write("application-dev.yml", "d: dev\n");
		ProjectProperties withoutProfile = load();
		assertThat(List.of("a", "b", "c", "d")).map(withoutProfile::get)
			.containsExactly("yaml", "yml", "properties", "properties");
		ProjectProperties dev = ProjectProperties.load(this.project, Map.of(), List.of("dev"));
		assertThat(dev.get("d")).isEqualTo("dev");
		assertThat(dev.origin("d")).isEqualTo("d in src/main/resources/application-dev.yml");
	}

	@Test
	void profilesComeFromTheOptionThenTheEnvironmentThenTheFiles() throws IOException {
		write("application.properties", "spring.profiles.active=staging\nname=base\n");
		write("application-staging.properties", "name=staging\n");
		write("application-prod.properties", "name=prod\n");
		write("application-local.yml", "name: local\n");
		assertThat(load().get("name")).isEqualTo("staging");
		assertThat(ProjectProperties.load(this.project, Map.of("SPRING_PROFILES_ACTIVE", "prod"), List.of()).get("name"))
			.isEqualTo("prod");
		assertThat(ProjectProperties.load(this.project, Map.of("SPRING_PROFILES_ACTIVE", "prod"), List.of("local"))
			.get("name")).isEqualTo("local");
		assertThat(ProjectProperties.load(this.project, Map.of(), List.of("prod", "local")).get("name"))
			.as("the last profile wins")
			.isEqualTo("local");
	}

	@Test
	void withoutAnActiveProfileTheDefaultProfileIs() throws IOException {
		write("application.yml", "name: base\n");
		write("application-default.yml", "name: default\n");
		assertThat(load().get("name")).isEqualTo("default");
		assertThat(ProjectProperties.load(this.project, Map.of(), List.of("dev")).get("name")).isEqualTo("base");
	}

	@Test
	void onProfileDocumentsApplyOnlyForTheirProfiles() throws IOException {
		write("application.yml", """
				spring.datasource.url: jdbc:h2:mem:app
				---
				spring:
				  config:
				    activate:
				      on-profile: prod
				  datasource:
				    url: jdbc:postgresql://prod/app
				---
				spring.config.activate.on-profile: "!prod & !test"
				migrations.schema: dev_schema
				---
				migrations.version-table: app_version
				""");
		ProjectProperties development = load();
		assertThat(development.get("spring.datasource.url")).isEqualTo("jdbc:h2:mem:app");
		assertThat(development.get("migrations.schema")).isEqualTo("dev_schema");
		assertThat(development.get("migrations.version-table")).isEqualTo("app_version");
		ProjectProperties production = ProjectProperties.load(this.project, Map.of("SPRING_PROFILES_ACTIVE", "prod"),
				List.of());
		assertThat(production.get("spring.datasource.url")).isEqualTo("jdbc:postgresql://prod/app");
		assertThat(production.get("migrations.schema")).isNull();
		assertThat(production.get("migrations.version-table")).isEqualTo("app_version");
	}

	@Test
	void propertiesFilesHaveDocumentsToo() throws IOException {
		write("application.properties", """
				name=base
				#---
				spring.config.activate.on-profile=prod
				name=prod
				""");
		assertThat(load().get("name")).isEqualTo("base");
		assertThat(ProjectProperties.load(this.project, Map.of(), List.of("prod")).get("name")).isEqualTo("prod");
	}

	@Test
	void badYamlNamesTheFileAndLine() throws IOException {
		write("application.yml", """
				spring:
				  datasource:
				    url: jdbc:h2:mem:app
				   username: app
				""");
		assertThatExceptionOfType(MigrationsException.class).isThrownBy(this::load)
			.withMessageStartingWith("Invalid YAML in src/main/resources/application.yml at line 4, column ")
			.satisfies((ex) -> assertThat(ex.hint()).startsWith("Fix that line: indent with spaces, not tabs"));
	}

	@Test
	void tabsInYamlNameTheFileAndLine() throws IOException {
		write("application-dev.yml", "migrations:\n\tschema: audit\n");
		assertThatExceptionOfType(MigrationsException.class)
			.isThrownBy(() -> ProjectProperties.load(this.project, Map.of(), List.of("dev")))
			.withMessageStartingWith("Invalid YAML in src/main/resources/application-dev.yml at line 2, column 1: ");
	}

	@Test
	void duplicateKeysInYamlAreAnError() throws IOException {
		write("application.yml", "migrations:\n  schema: a\n  schema: b\n");
		assertThatExceptionOfType(MigrationsException.class).isThrownBy(this::load)
			.withMessage("Invalid YAML in src/main/resources/application.yml at line 3, column 3: found duplicate key "
					+ "schema")
			.satisfies((ex) -> assertThat(ex.hint()).startsWith("Keep one of the two keys"));
	}

	@Test
	void aYamlDocumentThatIsNoMapIsAnError() throws IOException {
		write("application.yml", "just text\n");
		assertThatExceptionOfType(MigrationsException.class).isThrownBy(this::load)
			.withMessage("Invalid YAML in src/main/resources/application.yml: a document holds 'just text', not keys "
					+ "and values");
	}

	@Test
	void badProfileExpressionNamesItsFile() throws IOException {
		write("application.yml", "a: 1\n---\nspring.config.activate.on-profile: prod & | eu\nb: 2\n");
		assertThatExceptionOfType(MigrationsException.class).isThrownBy(this::load)
			.withMessageStartingWith("Invalid profile expression 'prod & | eu' in spring.config.activate.on-profile in "
					+ "src/main/resources/application.yml: ");
	}

	@Test
	void placeholdersResolveAgainstTheEnvironmentAndTheFiles() throws IOException {
		write("application.properties", """
				app.host=db
				spring.datasource.url=jdbc:postgresql://${app.host}:${DB_PORT:5432}/${APP_NAME}
				""");
		ProjectProperties properties = ProjectProperties.load(this.project, Map.of("APP_NAME", "shop"), List.of());
		assertThat(properties.get("spring.datasource.url")).isEqualTo("jdbc:postgresql://db:5432/shop");
	}

	@Test
	void aDirectoryWithoutConfigurationIsNoProject() {
		ProjectProperties properties = load();
		assertThat(properties.found()).isFalse();
		assertThat(properties.get("spring.datasource.url")).isNull();
	}

	private ProjectProperties load() {
		return ProjectProperties.load(this.project, Map.of(), List.of());
	}

	private void write(String name, String content) throws IOException {
		Path resources = Files.createDirectories(this.project.resolve("src/main/resources"));
		Files.writeString(resources.resolve(name), content);
	}

}
