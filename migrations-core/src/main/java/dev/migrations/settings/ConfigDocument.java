package dev.migrations.settings;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One document of an application configuration file, as Spring Boot reads it: its flat keys and, when it applies to
 * some profiles only, their expression ({@code spring.config.activate.on-profile}).
 *
 * @param values the flat keys and their values, in file order
 * @param onProfile the profile expression the document is for, or {@code null} when it always applies
 */
record ConfigDocument(Map<String, String> values, String onProfile) {

	static final String ON_PROFILE = "spring.config.activate.on-profile";

	ConfigDocument {
		values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
	}

	/** A document of these values, for the profiles its own {@value #ON_PROFILE} names. */
	static ConfigDocument of(Map<String, String> values) {
		return new ConfigDocument(values, listValue(values, ON_PROFILE));
	}

	/** A list as Spring writes it flat: one comma-separated value, or indexed keys ({@code key[0]}...); or {@code null}. */
	static String listValue(Map<String, String> values, String key) {
		String joined = values.get(key);
		if (joined == null) {
			StringBuilder listed = new StringBuilder();
			for (int index = 0; values.containsKey(key + "[" + index + "]"); index++) {
				listed.append((index > 0) ? "," : "").append(values.get(key + "[" + index + "]"));
			}
			joined = listed.toString();
		}
		return joined.isBlank() ? null : joined;
	}

}
