package dev.migrations.jpa;

import java.util.List;
import java.util.Map;

/**
 * A project's entities as autogenerate maps them: the mapped classes, the project's configuration (for
 * {@code spring.jpa.*}) and the class loader they come from.
 *
 * @param classes the mapped classes ({@link EntityClasses})
 * @param properties the project's configuration
 * @param loader the project's class loader
 */
public record EntityModel(List<Class<?>> classes, Map<String, String> properties, ClassLoader loader) {

	public EntityModel {
		classes = List.copyOf(classes);
		properties = Map.copyOf(properties);
	}

}
