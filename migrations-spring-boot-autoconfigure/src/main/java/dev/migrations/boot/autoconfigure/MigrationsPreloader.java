package dev.migrations.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Loads and validates the revision scripts on a background thread while Spring parses the configuration and
 * creates the context, as Spring Boot's background pre-initialization does for its own slow tasks, and hands them
 * to the {@code migrations} bean through a {@link PreloadedScripts} singleton, its script source; the database is
 * left to the bean. Off with {@code migrations.enabled=false} or the system property {@value #IGNORE_PROPERTY_NAME}.
 */
class MigrationsPreloader implements ApplicationListener<SpringApplicationEvent>, Ordered {

	/** Spring Boot's switch for its background pre-initialization, whose constant is not public. */
	static final String IGNORE_PROPERTY_NAME = "spring.backgroundpreinitializer.ignore";

	private @Nullable PreloadedScripts preloaded;

	@Override
	public int getOrder() {
		return LoggingApplicationListener.DEFAULT_ORDER + 1;
	}

	@Override
	public void onApplicationEvent(SpringApplicationEvent event) {
		if (event instanceof ApplicationEnvironmentPreparedEvent prepared && !Boolean.getBoolean(IGNORE_PROPERTY_NAME)) {
			MigrationsProperties properties = properties(Binder.get(prepared.getEnvironment()));
			if (properties != null) {
				this.preloaded = PreloadedScripts.start(properties.getLocations(),
						event.getSpringApplication().getClassLoader());
			}
		}
		else if (event instanceof ApplicationPreparedEvent prepared && this.preloaded != null) {
			prepared.getApplicationContext()
				.getBeanFactory()
				.registerSingleton(PreloadedScripts.BEAN_NAME, this.preloaded);
		}
		else if ((event instanceof ApplicationReadyEvent || event instanceof ApplicationFailedEvent)
				&& this.preloaded != null) {
			// Long done at a successful start-up; nothing of a failed one keeps running.
			this.preloaded.awaitCompletion();
			this.preloaded = null;
		}
	}

	/** The properties the auto-configuration will read, unless it is disabled or they don't bind. */
	private static @Nullable MigrationsProperties properties(Binder binder) {
		try {
			MigrationsProperties properties = binder.bindOrCreate("migrations", MigrationsProperties.class);
			return properties.isEnabled() ? properties : null;
		}
		catch (BindException ex) {
			// The auto-configuration reports them.
			return null;
		}
	}

}
