package dev.migrations.boot.autoconfigure.health;

import java.util.List;

import dev.migrations.Migrations;
import dev.migrations.boot.autoconfigure.MigrationsAutoConfiguration;
import dev.migrations.boot.autoconfigure.MigrationsInstances;
import dev.migrations.boot.autoconfigure.MigrationsProperties;
import dev.migrations.boot.autoconfigure.MigrationsStatusProbe;
import dev.migrations.boot.autoconfigure.tenants.TenantMigrations;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@link MigrationsHealthIndicator} where Spring Boot's health support is present, unless
 * {@code management.health.migrations.enabled=false}.
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class)
@ConditionalOnClass(ConditionalOnEnabledHealthIndicator.class)
@ConditionalOnBean(Migrations.class)
@ConditionalOnEnabledHealthIndicator("migrations")
@EnableConfigurationProperties(MigrationsProperties.class)
public final class MigrationsHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = { "migrationsHealthIndicator", "migrationsHealthContributor" })
	MigrationsHealthIndicator migrationsHealthIndicator(Migrations migrations, MigrationsProperties properties,
			ObjectProvider<MigrationsStatusProbe> probe, ObjectProvider<MigrationsInstances> instances,
			ObjectProvider<TenantMigrations> tenants) {
		return new MigrationsHealthIndicator(probe.getIfAvailable(() -> new MigrationsStatusProbe(migrations,
				properties.getTarget(), MigrationsStatusProbe.DEFAULT_TIMEOUT)),
				instances.getIfAvailable(() -> new MigrationsInstances(List.of())).probes(), tenants.getIfAvailable());
	}

}
