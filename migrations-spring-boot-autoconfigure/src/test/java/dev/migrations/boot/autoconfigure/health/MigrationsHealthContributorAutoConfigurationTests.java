package dev.migrations.boot.autoconfigure.health;

import dev.migrations.Migrations;
import dev.migrations.config.MigrationsConfig;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MigrationsHealthContributorAutoConfiguration.class))
		.withBean(Migrations.class, () -> new Migrations(MigrationsConfig.builder().build(), null));

	@Test
	void providesTheMigrationsHealthIndicator() {
		this.contextRunner.withPropertyValues("migrations.target=heads").run((context) -> {
			assertThat(context).hasSingleBean(MigrationsHealthIndicator.class).hasBean("migrationsHealthIndicator");
			assertThat(context.getBean(MigrationsHealthIndicator.class)).hasFieldOrPropertyWithValue("probe.target",
					"heads");
		});
	}

	@Test
	void providesNoIndicatorWhenDisabled() {
		this.contextRunner.withPropertyValues("management.health.migrations.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsHealthIndicator.class));
	}

	@Test
	void providesNoIndicatorWithoutMigrations() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MigrationsHealthContributorAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MigrationsHealthIndicator.class));
	}

	@Test
	void backsOffFromAMigrationsHealthContributorDefinedByTheApplication() {
		HealthIndicator own = () -> Health.up().build();
		this.contextRunner.withBean("migrationsHealthContributor", HealthIndicator.class, () -> own)
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsHealthIndicator.class));
	}

}
