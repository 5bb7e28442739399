package dev.migrations.boot.autoconfigure;

import dev.migrations.Migrations;

import org.springframework.beans.factory.InitializingBean;

/**
 * Runs the {@link MigrationsStartupStrategy} when the context starts. Spring Boot treats this bean as a database
 * initializer, so JPA, JdbcTemplate, JdbcClient and jOOQ are created only after it has run.
 */
public final class MigrationsInitializer implements InitializingBean {

	private final Migrations migrations;

	private final MigrationsStartupStrategy strategy;

	public MigrationsInitializer(Migrations migrations, MigrationsStartupStrategy strategy) {
		this.migrations = migrations;
		this.strategy = strategy;
	}

	@Override
	public void afterPropertiesSet() {
		this.strategy.migrate(this.migrations);
	}

}
