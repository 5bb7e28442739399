package dev.migrations.boot.autoconfigure;

import dev.migrations.config.MigrationsConfig;

/**
 * A bean that adjusts the engine's configuration after the {@code migrations.*} properties are applied, for what
 * the properties do not cover (a listener, a class loader, more Java migrations).
 */
@FunctionalInterface
public interface MigrationsConfigCustomizer {

	void customize(MigrationsConfig.Builder builder);

}
