package dev.migrations.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

import dev.migrations.config.MigrationsConfig;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Includes the scripts of the default location ({@code db/migrations}, subfolders too) in a native image, where
 * only registered resources can be read.
 */
class MigrationsRuntimeHints implements RuntimeHintsRegistrar {

	private static final String DEFAULT_DIRECTORY = MigrationsConfig.DEFAULT_LOCATION.substring("classpath:".length());

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern(DEFAULT_DIRECTORY + "/**/*.sql");
	}

}
