package dev.migrations.test;

import java.util.List;
import java.util.Map;

/**
 * The JPA entities the model check compares with the schema at head.
 *
 * @param entities the mapped classes ({@code @Entity}, {@code @Embeddable}, {@code @MappedSuperclass})
 * @param properties {@code spring.jpa.*} settings, as the application's Hibernate gets them (naming, dialect)
 * @param loader the class loader Hibernate resolves the entities' types with
 */
record EntityModel(List<Class<?>> entities, Map<String, String> properties, ClassLoader loader) {

	EntityModel {
		entities = List.copyOf(entities);
		properties = Map.copyOf(properties);
	}

}
