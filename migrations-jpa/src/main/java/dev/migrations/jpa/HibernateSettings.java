package dev.migrations.jpa;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hibernate.cfg.MappingSettings;
import org.hibernate.cfg.SchemaToolingSettings;

/**
 * The Hibernate settings Spring Boot gives the application for its {@code spring.jpa.*} properties: Boot's naming
 * strategies ({@code CamelCaseToUnderscoresNamingStrategy}, {@code SpringImplicitNamingStrategy}) unless
 * {@code spring.jpa.hibernate.naming.*} names others, {@code spring.jpa.database-platform} as the dialect and every
 * {@code spring.jpa.properties.*} as it stands. Schema-management settings are left out: the entities' schema is
 * created on purpose, in a scratch place.
 */
final class HibernateSettings {

	static final String BOOT_PHYSICAL_STRATEGY = "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy";

	static final String BOOT_IMPLICIT_STRATEGY = "org.springframework.boot.hibernate.SpringImplicitNamingStrategy";

	private static final String PASSED_THROUGH = "spring.jpa.properties.";

	private HibernateSettings() {
	}

	/**
	 * The settings for the project's properties.
	 * @param loader the project's class loader: without Spring Boot's Hibernate module on it, Hibernate's own
	 * implicit naming applies, as it would in the application
	 */
	static Map<String, Object> of(Map<String, String> properties, ClassLoader loader) {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put(MappingSettings.PHYSICAL_NAMING_STRATEGY,
				properties.getOrDefault("spring.jpa.hibernate.naming.physical-strategy", BOOT_PHYSICAL_STRATEGY));
		String implicit = properties.get("spring.jpa.hibernate.naming.implicit-strategy");
		if (implicit == null && isPresent(BOOT_IMPLICIT_STRATEGY, loader)) {
			implicit = BOOT_IMPLICIT_STRATEGY;
		}
		if (implicit != null) {
			settings.put(MappingSettings.IMPLICIT_NAMING_STRATEGY, implicit);
		}
		String platform = properties.get("spring.jpa.database-platform");
		if (platform != null) {
			settings.put("hibernate.dialect", platform);
		}
		properties.forEach((key, value) -> {
			if (key.startsWith(PASSED_THROUGH)) {
				settings.put(key.substring(PASSED_THROUGH.length()), value);
			}
		});
		settings.keySet()
			.removeIf((key) -> key.equals(SchemaToolingSettings.HBM2DDL_AUTO)
					|| key.startsWith("jakarta.persistence.schema-generation.")
					|| key.startsWith("javax.persistence.schema-generation."));
		return settings;
	}

	private static boolean isPresent(String className, ClassLoader loader) {
		try {
			Class.forName(className, false, loader);
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

}
