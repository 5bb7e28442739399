package dev.migrations.boot.autoconfigure;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link MigrationsInitializer} initializes the database, so that every bean that depends on
 * an initialized database (EntityManagerFactory, JdbcTemplate, DSLContext...) waits for it. Registered in
 * {@code META-INF/spring.factories} under {@link DatabaseInitializerDetector}.
 */
class MigrationsInitializerDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(MigrationsInitializer.class);
	}

}
