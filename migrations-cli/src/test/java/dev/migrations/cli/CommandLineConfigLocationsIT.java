package dev.migrations.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built jar in a deployment directory, next to where the application's jar would run: it reads the configuration
 * Spring Boot reads there, {@code ./config/application.yml} over {@code ./application.yml}, with no project sources.
 */
class CommandLineConfigLocationsIT {

	@TempDir
	Path directory;

	@Test
	void configApplicationYmlOfTheWorkingDirectoryIsUsed() throws IOException {
		String home = this.directory.toAbsolutePath().toString().replace('\\', '/');
		Files.writeString(this.directory.resolve("application.yml"), """
				spring.datasource.url: jdbc:h2:file:%s/packaged
				migrations.locations: filesystem:scripts
				""".formatted(home));
		Path config = Files.createDirectories(this.directory.resolve("config"));
		Files.writeString(config.resolve("application.yml"), """
				spring:
				  datasource:
				    url: jdbc:h2:file:%s/deployed
				""".formatted(home));
		new Scripts(this.directory.resolve("scripts")).revision("1_base.sql", "c1c1c1c1c1c1", "");
		MigrationsJar migrations = MigrationsJar.in(this.directory);

		MigrationsJar.Result upgraded = migrations.run("upgrade");
		assertThat(upgraded.exitCode()).as(upgraded.toString()).isZero();
		assertThat(upgraded.lines()).containsExactly("Running upgrade  -> c1c1c1c1c1c1, revision c1c1c1c1c1c1");
		assertThat(this.directory.resolve("deployed.mv.db")).as("config/application.yml's database").exists();
		assertThat(this.directory.resolve("packaged.mv.db")).doesNotExist();
		assertThat(migrations.run("current").lines()).containsExactly("c1c1c1c1c1c1 (head)");
	}

}
