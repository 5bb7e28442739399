package dev.migrations.boot.autoconfigure.endpoint;

import dev.migrations.Migrations;
import dev.migrations.boot.autoconfigure.MigrationsStatusProbe;
import dev.migrations.config.MigrationsConfig;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsEndpointAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MigrationsEndpointAutoConfiguration.class))
		.withBean(Migrations.class, () -> new Migrations(MigrationsConfig.builder().build(), null));

	@Test
	void providesTheEndpointWhenExposed() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.run((context) -> assertThat(context).hasSingleBean(MigrationsEndpoint.class));
	}

	@Test
	void readsTheTargetFromMigrationsTarget() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=migrations", "migrations.target=heads")
			.run((context) -> assertThat(context.getBean(MigrationsEndpoint.class)).hasFieldOrPropertyWithValue("probe.target",
					"heads"));
	}

	@Test
	void providesNoEndpointUnlessExposed() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void providesNoEndpointWithoutMigrations() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigrationsEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void backsOffFromAnEndpointDefinedByTheApplication() {
		MigrationsEndpoint own = new MigrationsEndpoint(new MigrationsStatusProbe(
				new Migrations(MigrationsConfig.builder().build(), null), "head", MigrationsStatusProbe.DEFAULT_TIMEOUT));
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.withBean(MigrationsEndpoint.class, () -> own)
			.run((context) -> assertThat(context.getBean(MigrationsEndpoint.class)).isSameAs(own));
	}

}
