package dev.migrations.boot.autoconfigure;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * What {@code migrations.mode} changes in the application's own settings, before the context exists: a {@code job}
 * starts no web server and creates no bean but those the migration needs (lazy initialization, from which the
 * initializer is excluded); {@code async} adds the {@code migrations} health to the readiness group, so that
 * readiness is out of service until the database is at the target, unless the application set that group itself.
 */
public final class RunModeEnvironment implements EnvironmentPostProcessor {

	static final String READINESS_GROUP = "management.endpoint.health.group.readiness.include";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String mode = environment.getProperty("migrations.mode", "startup").toLowerCase(Locale.ROOT);
		Map<String, Object> settings = new HashMap<>();
		if (mode.equals("job")) {
			settings.put("spring.main.web-application-type", "none");
			settings.put("spring.main.lazy-initialization", "true");
		}
		else if (mode.equals("async") && !environment.containsProperty(READINESS_GROUP)) {
			settings.put(READINESS_GROUP, "readinessState,migrations");
		}
		if (!settings.isEmpty()) {
			environment.getPropertySources().addFirst(new MapPropertySource("migrationsMode", settings));
		}
	}

}
