package dev.migrations.test.spring;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.migrations.Migrations;
import dev.migrations.boot.autoconfigure.MigrationsAutoConfiguration;
import dev.migrations.boot.autoconfigure.MigrationsDataSource;
import dev.migrations.test.MigrationsTester;
import dev.migrations.test.TestDatabases;

/**
 * The {@link MigrationsTester} of a {@link MigrationsTest}: the starter's configuration (locations, tables, Java
 * migrations, customizers) on the migrations' DataSource, a schema of its own per check. The configured
 * {@code migrations.schema} is left out, so that each check's tables land in its own schema.
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class)
@ConditionalOnBean(Migrations.class)
public final class MigrationsTesterAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrationsTester migrationsTester(Migrations migrations, @MigrationsDataSource ObjectProvider<DataSource> qualified,
			ObjectProvider<DataSource> application) {
		DataSource dataSource = qualified.getIfAvailable(application::getObject);
		return MigrationsTester.of(TestDatabases.schemasIn(dataSource),
				migrations.config().toBuilder().schema(null).build());
	}

}
