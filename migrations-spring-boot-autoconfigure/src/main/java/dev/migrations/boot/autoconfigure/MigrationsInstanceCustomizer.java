package dev.migrations.boot.autoconfigure;

import dev.migrations.config.MigrationsConfig;

/**
 * A bean that adjusts the engine's configuration of each instance ({@code migrations.instances.<name>}) after its
 * properties are applied, told the instance's name. {@link MigrationsConfigCustomizer} beans and
 * {@link dev.migrations.script.JavaMigration} beans belong to the default set only.
 */
@FunctionalInterface
public interface MigrationsInstanceCustomizer {

	void customize(String instance, MigrationsConfig.Builder builder);

}
