package dev.migrations.script;

import java.nio.file.Path;
import java.util.List;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class LocationTests {

	@ParameterizedTest
	@CsvSource({ "classpath:db/migrations, db/migrations", "classpath:/db/migrations/, db/migrations",
			"CLASSPATH:db, db", "'  classpath:db/migrations  ', db/migrations" })
	void parsesClasspathLocations(String text, String path) {
		Location location = Location.parse(text);
		assertThat(location.kind()).isEqualTo(Location.Kind.CLASSPATH);
		assertThat(location.path()).isEqualTo(path);
		assertThat(location.isClasspath()).isTrue();
		assertThat(location).hasToString("classpath:" + path);
	}

	@ParameterizedTest
	@CsvSource({ "filesystem:/some/dir, /some/dir", "filesystem:scripts/, scripts", "Filesystem:/, /",
			"/some/dir/, /some/dir", "db/migrations, db/migrations", "'C:\\scripts', 'C:\\scripts'",
			"'C:\\', 'C:\\'" })
	void parsesFilesystemLocationsAndBarePaths(String text, String path) {
		Location location = Location.parse(text);
		assertThat(location.kind()).isEqualTo(Location.Kind.FILESYSTEM);
		assertThat(location.path()).isEqualTo(path);
		assertThat(location).hasToString("filesystem:" + path);
	}

	@Test
	void parsedTextOfToStringIsTheSameLocation() {
		Location location = Location.parse("filesystem:/some/dir");
		assertThat(Location.parse(location.toString())).isEqualTo(location);
	}

	@Test
	void filesystemLocationHasADirectory() {
		assertThat(Location.parse("filesystem:/some/dir").directory()).isEqualTo(Path.of("/some/dir"));
	}

	@Test
	void classpathLocationHasNoDirectory() {
		assertThatIllegalStateException().isThrownBy(() -> Location.parse("classpath:db").directory())
			.withMessage("classpath:db is not a file system location");
	}

	@Test
	void parsesEachOfSeveralLocations() {
		assertThat(Location.parseAll(List.of("classpath:db/migrations", "/opt/scripts"))).containsExactly(
				new Location(Location.Kind.CLASSPATH, "db/migrations"),
				new Location(Location.Kind.FILESYSTEM, "/opt/scripts"));
	}

	@Test
	void unknownPrefixIsAnError() {
		assertThatExceptionOfType(MigrationsException.class).isThrownBy(() -> Location.parse("file:/some/dir"))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(ErrorKind.CONFIG);
				assertThat(ex).hasMessage("Script location 'file:/some/dir' has an unknown prefix 'file:'");
				assertThat(ex.hint())
					.isEqualTo("Write 'classpath:db/migrations', 'filesystem:/some/dir' or a plain directory path");
			});
	}

	@Test
	void emptyLocationIsAnError() {
		assertThatExceptionOfType(MigrationsException.class).isThrownBy(() -> Location.parse("  "))
			.withMessage("Script location is empty");
	}

	@ParameterizedTest
	@CsvSource({ "classpath:", "classpath:/", "filesystem:" })
	void prefixWithoutPathIsAnError(String text) {
		assertThatExceptionOfType(MigrationsException.class).isThrownBy(() -> Location.parse(text))
			.withMessage("Script location '" + text + "' names no directory");
	}

}
