package dev.migrations.execute;

import dev.migrations.config.MigrationsConfig;

/**
 * The one way scripts loaded ahead of the engine reach it: the facade {@code Migrations} asks its source once, when
 * it first needs the scripts, and loads them itself when the answer is {@code null}. The Spring Boot starter loads
 * them on a background thread while the application context is created, and answers through this interface.
 */
@FunctionalInterface
public interface ScriptSource {

	/**
	 * The scripts of this configuration, waiting for them if they are still loading: {@link LoadedScripts#of} over
	 * {@code ScriptLoader.load} with its locations, class loader and Java migrations.
	 * @param config the configuration of the engine that asks
	 * @return the scripts, or {@code null} if the source holds none for this configuration (other locations, class
	 * loader or Java migrations) or loading them failed; the engine then loads them on its own thread and reports a
	 * bad script or location as usual
	 */
	LoadedScripts scriptsFor(MigrationsConfig config);

}
