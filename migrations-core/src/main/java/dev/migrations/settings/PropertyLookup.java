package dev.migrations.settings;

import java.util.Map;

/**
 * An application's configuration as flat Spring keys ({@code spring.datasource.url}, {@code migrations.locations[0]}):
 * the files of a project read outside Spring, or Spring's own {@code Environment} inside it.
 */
@FunctionalInterface
public interface PropertyLookup {

	/** No application configuration at all. */
	PropertyLookup NONE = (key) -> null;

	/** The value of {@code key}, or {@code null} when it is not set. */
	String get(String key);

	/**
	 * Where the value of {@code key} comes from, as messages name it: the key itself, or the key and its file
	 * ({@code spring.datasource.url in src/main/resources/application.yml}).
	 */
	default String origin(String key) {
		return key;
	}

	/** The values of a map, each named by its key. */
	static PropertyLookup of(Map<String, String> values) {
		Map<String, String> copy = Map.copyOf(values);
		return copy::get;
	}

}
