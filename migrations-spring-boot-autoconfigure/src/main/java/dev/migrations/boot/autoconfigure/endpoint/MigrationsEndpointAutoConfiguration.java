package dev.migrations.boot.autoconfigure.endpoint;

import java.util.List;

import dev.migrations.Migrations;
import dev.migrations.boot.autoconfigure.MigrationsAutoConfiguration;
import dev.migrations.boot.autoconfigure.MigrationsInstances;
import dev.migrations.boot.autoconfigure.MigrationsProperties;
import dev.migrations.boot.autoconfigure.MigrationsStatusProbe;
import dev.migrations.boot.autoconfigure.tenants.TenantMigrations;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The {@link MigrationsEndpoint} where Actuator is present and the endpoint is exposed. */
@AutoConfiguration(after = MigrationsAutoConfiguration.class)
@ConditionalOnClass(ConditionalOnAvailableEndpoint.class)
@ConditionalOnAvailableEndpoint(MigrationsEndpoint.class)
@EnableConfigurationProperties(MigrationsProperties.class)
public final class MigrationsEndpointAutoConfiguration {

	@Bean
	@ConditionalOnBean(Migrations.class)
	@ConditionalOnMissingBean
	MigrationsEndpoint migrationsEndpoint(Migrations migrations, MigrationsProperties properties,
			ObjectProvider<MigrationsStatusProbe> probe, ObjectProvider<MigrationsInstances> instances,
			ObjectProvider<TenantMigrations> tenants) {
		return new MigrationsEndpoint(probe.getIfAvailable(() -> new MigrationsStatusProbe(migrations,
				properties.getTarget(), MigrationsStatusProbe.DEFAULT_TIMEOUT)),
				instances.getIfAvailable(() -> new MigrationsInstances(List.of())).probes(), tenants.getIfAvailable());
	}

}
