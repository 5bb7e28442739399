package dev.migrations.boot.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** What each {@code migrations.mode} changes in the application's settings, and what it leaves to the application. */
class RunModeEnvironmentTests {

	private final RunModeEnvironment postProcessor = new RunModeEnvironment();

	@Test
	void aJobStartsNoWebServerAndCreatesBeansOnlyWhenNeeded() {
		MockEnvironment environment = new MockEnvironment().withProperty("migrations.mode", "job")
			.withProperty("spring.main.web-application-type", "servlet");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
		assertThat(environment.getProperty("spring.main.lazy-initialization")).isEqualTo("true");
	}

	@Test
	void asyncPutsTheMigrationsHealthInTheReadinessGroup() {
		MockEnvironment environment = new MockEnvironment().withProperty("migrations.mode", "ASYNC");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty(RunModeEnvironment.READINESS_GROUP)).isEqualTo("readinessState,migrations");
	}

	@Test
	void asyncLeavesAReadinessGroupTheApplicationSetAlone() {
		MockEnvironment environment = new MockEnvironment().withProperty("migrations.mode", "async")
			.withProperty(RunModeEnvironment.READINESS_GROUP, "readinessState,db");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty(RunModeEnvironment.READINESS_GROUP)).isEqualTo("readinessState,db");
	}

	@Test
	void startupChangesNothing() {
		MockEnvironment environment = new MockEnvironment();
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().contains("migrationsMode")).isFalse();
	}

}
