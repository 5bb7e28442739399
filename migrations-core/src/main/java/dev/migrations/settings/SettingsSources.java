package dev.migrations.settings;

import java.util.Map;

/**
 * What settings are read from, highest precedence first: the command's options, the environment variables, the
 * application's configuration; the engine's defaults come last.
 *
 * @param flags the command's options by their name without dashes, which is also the property's name under
 * {@code migrations.} ({@code url}, {@code lock-timeout}, {@code locations} comma-separated, {@code create-schemas}
 * {@code true})
 * @param environment the environment variables
 * @param application the application's configuration, or {@code null} when there is no application: then only a URL
 * given for the command names a database
 */
public record SettingsSources(Map<String, String> flags, Map<String, String> environment,
		PropertyLookup application) {

	public SettingsSources {
		flags = Map.copyOf(flags);
		environment = Map.copyOf(environment);
	}

	/** An application's configuration alone, as the starter reads it: Spring already layered it. */
	public static SettingsSources application(PropertyLookup application) {
		return new SettingsSources(Map.of(), Map.of(), application);
	}

}
