package dev.migrations.test.spring;

import org.springframework.stereotype.Component;

/** An application component that a {@link MigrationsTest} must not create. */
@Component
class StartsNoServer {

	StartsNoServer() {
		throw new IllegalStateException("A @MigrationsTest created an application component");
	}

}
