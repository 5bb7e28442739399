package dev.migrations.boot.autoconfigure.ui;

import dev.migrations.boot.autoconfigure.MigrationsAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Import;

/**
 * The operators' page in an application without Actuator, on the server's port; with Actuator,
 * {@link MigrationsPageManagementContextConfiguration} serves it instead.
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class)
@ConditionalOnMissingClass("org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration")
@Import(MigrationsPageConfiguration.class)
public final class MigrationsPageAutoConfiguration {

}
