package dev.migrations.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.migrations.error.MigrationsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which of the application's configuration files wins, location by location, as Spring Boot orders them: each file
 * of a case sets {@code winner} to its own path, and the case names the one whose value is read.
 */
class ConfigLocationsTest {

	@TempDir
	Path directory;

	@ParameterizedTest(name = "{0} over {1} (profiles {2}, location {3}, additional {4})")
	@CsvSource(delimiter = '|', textBlock = """
			# winner | the files it wins over | profiles | SPRING_CONFIG_LOCATION | SPRING_CONFIG_ADDITIONAL_LOCATION
			src/main/resources/config/application.yml | src/main/resources/application.yml | | |
			application.yml | src/main/resources/config/application.yml | | |
			config/application.yml | application.yml | | |
			config/k8s/application.yml | config/application.properties | | |
			config/b/application.yml | config/a/application.yml | | |
			config/a/application.properties | config/b/application.yml | | |
			config/application.yml | config/..data/application.yml | | |
			config/application.properties | config/application.yml config/application.yaml | | |
			config/application.yml | config/application.yaml | | |
			application-dev.yml | config/application.yml | dev | |
			config/application-dev.yml | application-dev.yml | dev | |
			application.yml | src/main/resources/config/application-dev.yml | dev | |
			application-prod.yml | config/application-dev.yml | dev,prod | |
			application-default.yml | config/application.yml | | |
			conf/application.yml | application.yml config/application.yml src/main/resources/application.yml | | file:./conf/ |
			conf/app-dev.yml | conf/app.yml conf/app-dev.properties | dev | conf/app.yml |
			b/application.yml | a/application.yml | | optional:a/,b/ |
			a/application-dev.yml | b/application.yml | dev | a/;b/ |
			src/main/resources/custom/application.yml | application.yml | | classpath:/custom/ |
			extra/application.yml | config/application-dev.yml | dev | | file:./extra/
			extra/app.properties | conf/application.yml | | conf/ | extra/app.properties
			""")
	void theLaterLocationWins(String winner, String losers, String profiles, String location,
			String additionalLocation) throws IOException {
		for (String file : (losers + " " + winner).split(" ")) {
			write(file, "winner" + (file.endsWith(".properties") ? "=" : ": ") + file + "\n");
		}
		Map<String, String> environment = new HashMap<>();
		if (location != null) {
			environment.put("SPRING_CONFIG_LOCATION", location);
		}
		if (additionalLocation != null) {
			environment.put("SPRING_CONFIG_ADDITIONAL_LOCATION", additionalLocation);
		}
		ProjectProperties properties = ProjectProperties.load(this.directory, environment,
				(profiles != null) ? Arrays.asList(profiles.split(",")) : List.of());
		assertThat(properties.get("winner")).isEqualTo(winner);
		assertThat(properties.origin("winner")).isEqualTo("winner in " + winner);
	}

	@Test
	void springProfilesActiveComesFromTheWinningPlainFile() throws IOException {
		write("src/main/resources/application.yml", "spring.profiles.active: dev\n");
		write("config/application.yml", "spring.profiles.active: prod\n");
		write("src/main/resources/application-dev.yml", "name: dev\n");
		write("application-prod.yml", "name: prod\n");
		assertThat(ProjectProperties.load(this.directory, Map.of(), List.of()).get("name")).isEqualTo("prod");
	}

	@Test
	void aFileOutsideTheDirectoryIsNamedByItsAbsolutePath(@TempDir Path elsewhere) throws IOException {
		Path file = Files.writeString(elsewhere.resolve("application.yml"), "name: [unclosed\n");
		Map<String, String> environment = Map.of("SPRING_CONFIG_ADDITIONALLOCATION", file.toString());
		String shown = file.toAbsolutePath().normalize().toString().replace('\\', '/');
		assertThatExceptionOfType(MigrationsException.class)
			.isThrownBy(() -> ProjectProperties.load(this.directory, environment, List.of()))
			.withMessageStartingWith("Invalid YAML in " + shown + " at line 2, column 1: ");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			application.yml
			config/application.yml
			config/eu/application.yml
			src/main/resources/config/application-dev.yml
			""")
	void badYamlInAnyLocationNamesItsFile(String file) throws IOException {
		write(file, "migrations:\n  schema: a\n   table: b\n");
		assertThatExceptionOfType(MigrationsException.class)
			.isThrownBy(() -> ProjectProperties.load(this.directory, Map.of(), List.of("dev")))
			.withMessageStartingWith("Invalid YAML in " + file + " at line 3, column ");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			# SPRING_CONFIG_LOCATION | what is wrong with it
			conf/                    | no such directory
			file:./conf/app.yml      | no such file
			classpath:/custom/       | no such directory
			config/*/                | no subdirectories to read
			configtree:/etc/config/  | only file: and classpath: locations are read
			conf/app.txt             | a file must end in .properties, .yml or .yaml
			yml                      | a file must end in .properties, .yml or .yaml
			conf/*/app.yml           | a wildcard may only stand for the last directory, as in config/*/
			conf/**/                 | a wildcard may only stand for the last directory, as in config/*/
			""")
	void aLocationThatCannotBeReadIsOneLineNamingIt(String location, String problem) {
		assertThatExceptionOfType(MigrationsException.class)
			.isThrownBy(() -> ProjectProperties.load(this.directory, Map.of("SPRING_CONFIG_LOCATION", location),
					List.of()))
			.withMessage("Config location '" + location + "' in SPRING_CONFIG_LOCATION: " + problem)
			.satisfies((ex) -> assertThat(ex.hint()).isNotBlank());
	}

	@Test
	void optionalLocationsMayBeMissing() {
		ProjectProperties properties = ProjectProperties.load(this.directory,
				Map.of("SPRING_CONFIG_LOCATION", "optional:conf/,optional:file:./conf/app.yml,optional:config/*/"),
				List.of());
		assertThat(properties.found()).isFalse();
	}

	private void write(String file, String content) throws IOException {
		Path path = this.directory.resolve(file);
		Files.createDirectories(path.getParent());
		Files.writeString(path, content);
	}

}
