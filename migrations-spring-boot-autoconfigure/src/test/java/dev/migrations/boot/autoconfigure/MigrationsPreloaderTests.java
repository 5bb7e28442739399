package dev.migrations.boot.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.migrations.Migrations;
import dev.migrations.config.MigrationsConfig;
import dev.migrations.error.MigrationsException;
import dev.migrations.execute.LoadedScripts;
import dev.migrations.script.RevisionScript;
import dev.migrations.testing.H2Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** {@link MigrationsPreloader} in whole application start-ups on H2. */
@ExtendWith(OutputCaptureExtension.class)
class MigrationsPreloaderTests {

	private static final String HEAD = "2b3c4d5e6f70";

	private H2Database database;

	@BeforeEach
	void createDatabase() {
		this.database = H2Database.create("boot_preload", H2Database.Mode.DEFAULT);
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void theMigrationsBeanTakesThePreloadedScripts() {
		try (ConfigurableApplicationContext context = application().run()) {
			Migrations migrations = context.getBean(Migrations.class);
			LoadedScripts preloaded = context.getBean(PreloadedScripts.class).scriptsFor(migrations.config());
			assertThat(preloaded).isNotNull();
			assertThat(migrations.scripts()).isSameAs(preloaded);
			assertThat(VersionTable.rows(this.database.dataSource())).containsExactly(HEAD);
		}
	}

	@Test
	void aCustomizerThatChangesTheLocationsGetsItsOwnScripts() {
		try (ConfigurableApplicationContext context = application(RelocatingCustomizerConfiguration.class)
			.run("--migrations.on-startup=none")) {
			LoadedScripts preloaded = context.getBean(PreloadedScripts.class)
				.scriptsFor(MigrationsConfig.builder().classLoader(context.getClassLoader()).build());
			LoadedScripts scripts = context.getBean(Migrations.class).scripts();
			assertThat(preloaded).isNotNull();
			assertThat(scripts).isNotSameAs(preloaded);
			assertThat(scripts.scripts()).extracting(RevisionScript::location)
				.containsExactly("db/failing/0001_create_note.sql", "db/failing/0002_fill_missing_table.sql");
		}
	}

	@Test
	void javaMigrationBeansGetScriptsOfTheirOwn() {
		try (ConfigurableApplicationContext context = application(JavaMigrationConfiguration.class).run()) {
			Migrations migrations = context.getBean(Migrations.class);
			assertThat(context.getBean(PreloadedScripts.class).scriptsFor(migrations.config())).isNull();
			assertThat(VersionTable.rows(this.database.dataSource())).containsExactly("4d5e6f708192");
		}
	}

	@Test
	void migrationsEnabledFalseLoadsNothing() {
		try (ConfigurableApplicationContext context = application().run("--migrations.enabled=false")) {
			assertThat(context.getBeansOfType(PreloadedScripts.class)).isEmpty();
			assertThat(context.getBeansOfType(Migrations.class)).isEmpty();
		}
	}

	@Test
	void springBootsBackgroundPreinitializerSwitchTurnsItOff() {
		System.setProperty(MigrationsPreloader.IGNORE_PROPERTY_NAME, "true");
		try (ConfigurableApplicationContext context = application().run()) {
			assertThat(context.getBeansOfType(PreloadedScripts.class)).isEmpty();
			assertThat(VersionTable.rows(this.database.dataSource())).containsExactly(HEAD);
		}
		finally {
			System.clearProperty(MigrationsPreloader.IGNORE_PROPERTY_NAME);
		}
	}

	@Test
	void aBadScriptFailsStartUpAsWithoutPreloading(@TempDir Path scripts, CapturedOutput output) throws IOException {
		Files.writeString(scripts.resolve("0001_dangling.sql"),
				"-- Revision ID: 1a2b3c4d5e6f\n-- Revises: feedfacecafe\n\n-- migrate:upgrade\nSELECT 1;\n");
		assertFailsAsWithoutPreloading("filesystem:" + scripts, output);
	}

	@Test
	void aMissingLocationFailsStartUpAsWithoutPreloading(@TempDir Path parent, CapturedOutput output) {
		assertFailsAsWithoutPreloading("filesystem:" + parent.resolve("missing"), output);
	}

	/** The start-up fails on the main thread with the exception loading the location gives, and its analysis. */
	private void assertFailsAsWithoutPreloading(String location, CapturedOutput output) {
		Throwable expected = catchThrowable(
				() -> new Migrations(MigrationsConfig.builder().locations(location).build(), null).scripts());
		assertThat(expected).isInstanceOf(MigrationsException.class);
		Throwable thrown = catchThrowable(() -> application().run("--migrations.locations=" + location));
		assertThat(thrown).rootCause().isInstanceOfSatisfying(expected.getClass(), (failure) -> {
			assertThat(failure.getMessage()).isEqualTo(expected.getMessage());
			assertThat(((MigrationsException) failure).hint()).isEqualTo(((MigrationsException) expected).hint());
			assertThat(failure.getStackTrace())
				.noneMatch((frame) -> frame.getClassName().equals(PreloadedScripts.class.getName()));
		});
		assertThat(output).contains("Description:\n\n" + expected.getMessage() + "\n");
	}

	private SpringApplicationBuilder application(Class<?>... sources) {
		return new SpringApplicationBuilder(TestApplication.class).sources(sources)
			.web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "spring.datasource.url=" + this.database.jdbcUrl(),
					"spring.datasource.username=sa");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class })
	static class TestApplication {

	}

	@Configuration(proxyBeanMethods = false)
	static class RelocatingCustomizerConfiguration {

		@Bean
		MigrationsConfigCustomizer relocatingCustomizer() {
			return (config) -> config.locations("classpath:db/failing");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class JavaMigrationConfiguration {

		@Bean
		MigrationsAutoConfigurationTests.TagEveryNote tagEveryNote() {
			return new MigrationsAutoConfigurationTests.TagEveryNote();
		}

	}

}
