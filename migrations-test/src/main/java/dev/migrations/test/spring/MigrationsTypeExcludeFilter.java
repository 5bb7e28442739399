package dev.migrations.test.spring;

import org.springframework.boot.test.context.filter.annotation.StandardAnnotationCustomizableTypeExcludeFilter;

/** Leaves the application's components out of a {@link MigrationsTest}, but for those its filters include. */
final class MigrationsTypeExcludeFilter extends StandardAnnotationCustomizableTypeExcludeFilter<MigrationsTest> {

	MigrationsTypeExcludeFilter(Class<?> testClass) {
		super(testClass);
	}

}
