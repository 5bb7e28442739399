package dev.migrations.test.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.OverrideAutoConfiguration;
import org.springframework.boot.test.context.filter.annotation.TypeExcludeFilters;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import dev.migrations.test.MigrationsTester;

/**
 * A Spring Boot test slice for migrations: only what migrations need (the DataSource from
 * {@code spring.datasource.*} or connection details such as Testcontainers' {@code @ServiceConnection}, and the
 * starter's {@code migrations.*} configuration from {@code application.yml}), not the application's own beans. It
 * provides a {@link MigrationsTester} bean whose checks each run in a schema of their own in that database:
 *
 * <pre>{@code
 * @MigrationsTest
 * class MigrationsCheckTests {
 *     @TestFactory
 *     Stream<DynamicNode> migrations(@Autowired MigrationsTester tester) {
 *         return tester.checks();
 *     }
 * }
 * }</pre>
 *
 * The start-up run is off ({@code migrations.on-startup=none}): the checks, not the context, meet a broken script.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@BootstrapWith(MigrationsTestContextBootstrapper.class)
@ExtendWith(SpringExtension.class)
@OverrideAutoConfiguration(enabled = false)
@TypeExcludeFilters(MigrationsTypeExcludeFilter.class)
@ImportAutoConfiguration
@TestPropertySource(properties = "migrations.on-startup=none")
public @interface MigrationsTest {

	/** Properties in {@code key=value} form added to the environment before the test runs. */
	String[] properties() default {};

	/** Whether the application's {@code @Component}s are scanned; by default none is. */
	boolean useDefaultFilters() default true;

	/** Components to include nonetheless, such as a {@code JavaMigration} bean. */
	Filter[] includeFilters() default {};

	/** Components to leave out of those included. */
	Filter[] excludeFilters() default {};

	/** Auto-configuration to leave out. */
	@AliasFor(annotation = ImportAutoConfiguration.class, attribute = "exclude")
	Class<?>[] excludeAutoConfiguration() default {};

}
