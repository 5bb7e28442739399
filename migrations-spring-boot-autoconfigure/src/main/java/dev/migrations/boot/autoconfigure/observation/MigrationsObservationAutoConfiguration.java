package dev.migrations.boot.autoconfigure.observation;

import dev.migrations.boot.autoconfigure.MigrationsAutoConfiguration;
import dev.migrations.boot.autoconfigure.MigrationsConfigCustomizer;
import dev.migrations.boot.autoconfigure.MigrationsInstanceCustomizer;
import dev.migrations.boot.autoconfigure.MigrationsInstances;
import dev.migrations.boot.autoconfigure.MigrationsStatusProbe;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Where Micrometer is present: the engine's runs and revisions as observations ({@link ObservingMigrationListener}),
 * so that Spring Boot's usual set-up turns them into timers and trace spans, and a {@code migrations.pending} gauge
 * of the revisions not applied yet, as last seen (reading it never touches the database). The listener is set
 * first among the customizers: a customizer of the application's that sets a listener of its own replaces it.
 */
@AutoConfiguration(before = MigrationsAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass(ObservationRegistry.class)
public final class MigrationsObservationAutoConfiguration {

	/** The {@code instance} key of the observations and the gauge of the default set; an instance's is its name. */
	static final String INSTANCE = "default";

	@Bean
	@ConditionalOnBean(ObservationRegistry.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	MigrationsConfigCustomizer migrationsObservations(ObservationRegistry registry) {
		return (config) -> config.listener(new ObservingMigrationListener(registry, INSTANCE));
	}

	/** Each named instance's runs and revisions, its name the {@code instance} key. */
	@Bean
	@ConditionalOnBean(ObservationRegistry.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	MigrationsInstanceCustomizer migrationsInstanceObservations(ObservationRegistry registry) {
		return (instance, config) -> config.listener(new ObservingMigrationListener(registry, instance));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterBinder.class)
	static class PendingRevisionsGauge {

		@Bean
		MeterBinder migrationsPendingGauge(ObjectProvider<MigrationsStatusProbe> probe,
				ObjectProvider<MigrationsInstances> instances) {
			return (registry) -> {
				probe.ifAvailable((available) -> pending(INSTANCE, available, registry));
				instances.ifAvailable((available) -> available.probes()
					.forEach((name, instance) -> pending(name, instance, registry)));
			};
		}

		private static void pending(String instance, MigrationsStatusProbe probe, MeterRegistry registry) {
			Gauge.builder("migrations.pending", probe, MigrationsStatusProbe::pendingRevisions)
				.description("Revisions not applied yet, as the application last saw them")
				.tag("instance", instance)
				.register(registry);
		}

	}

}
