package dev.migrations.test.spring;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import dev.migrations.Migrations;
import dev.migrations.boot.autoconfigure.MigrationsAutoConfiguration;
import dev.migrations.boot.autoconfigure.MigrationsDataSource;
import dev.migrations.test.MigrationsTester;
import dev.migrations.test.TestDatabases;

/**
 * The {@link MigrationsTester} of a {@link MigrationsTest}: the starter's configuration (locations, tables, Java
 * migrations, customizers) on the migrations' DataSource, a schema of its own per check. The configured
 * {@code migrations.schema} is left out, so that each check's tables land in its own schema; the {@code spring.jpa.*}
 * properties go to the model check.
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class)
@ConditionalOnBean(Migrations.class)
public final class MigrationsTesterAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrationsTester migrationsTester(Migrations migrations, @MigrationsDataSource ObjectProvider<DataSource> qualified,
			ObjectProvider<DataSource> application, Environment environment) {
		DataSource dataSource = qualified.getIfAvailable(application::getObject);
		return MigrationsTester
			.of(TestDatabases.schemasIn(dataSource), migrations.config().toBuilder().schema(null).build())
			.withJpaProperties(jpaProperties(environment));
	}

	/** The application's {@code spring.jpa.*} properties, for the entities' schema in the model check. */
	private static Map<String, String> jpaProperties(Environment environment) {
		Map<String, String> properties = new LinkedHashMap<>();
		Binder.get(environment)
			.bind("spring.jpa", Bindable.mapOf(String.class, String.class))
			.ifBound((bound) -> bound.forEach((key, value) -> properties.put("spring.jpa." + key, value)));
		return properties;
	}

}
