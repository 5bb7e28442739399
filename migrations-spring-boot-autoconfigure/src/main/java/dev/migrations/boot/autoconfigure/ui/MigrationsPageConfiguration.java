package dev.migrations.boot.autoconfigure.ui;

import java.nio.charset.StandardCharsets;

import dev.migrations.Migrations;
import dev.migrations.boot.autoconfigure.MigrationsProperties;
import dev.migrations.boot.autoconfigure.MigrationsStatusProbe;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The operators' page on Spring MVC or WebFlux, whichever serves the application, with
 * {@code migrations.ui.enabled=true}. Imported into the management context by
 * {@link MigrationsPageManagementContextConfiguration} (so that it is on the management port when one is set), and
 * by {@link MigrationsPageAutoConfiguration} where Actuator is absent.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("migrations.ui.enabled")
@ConditionalOnBean(Migrations.class)
@ConditionalOnWebApplication
@EnableConfigurationProperties({ MigrationsUiProperties.class, MigrationsProperties.class })
@ImportRuntimeHints(MigrationsPageConfiguration.PageResources.class)
public class MigrationsPageConfiguration {

	private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

	@Bean
	MigrationsPageRenderer migrationsPageRenderer(Migrations migrations, MigrationsProperties properties,
			ObjectProvider<MigrationsStatusProbe> probe) {
		return new MigrationsPageRenderer(probe.getIfAvailable(() -> new MigrationsStatusProbe(migrations,
				properties.getTarget(), MigrationsStatusProbe.DEFAULT_TIMEOUT)));
	}

	/** The headers of every page: never cached, never framed, nothing loaded from elsewhere. */
	static void pageHeaders(HttpHeaders headers) {
		headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
		headers.set("Content-Security-Policy", MigrationsPage.CONTENT_SECURITY_POLICY);
		headers.set("X-Content-Type-Options", "nosniff");
		headers.set("Referrer-Policy", "no-referrer");
	}

	/** The page's script and styles in a native image, where only registered resources can be read. */
	static class PageResources implements RuntimeHintsRegistrar {

		@Override
		public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
			hints.resources().registerPattern("dev/migrations/boot/autoconfigure/ui/page.*");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(org.springframework.web.servlet.function.RouterFunction.class)
	static class ServletPage {

		@Bean
		org.springframework.web.servlet.function.RouterFunction<org.springframework.web.servlet.function.ServerResponse> migrationsPageRoute(
				MigrationsUiProperties properties, MigrationsPageRenderer renderer) {
			return org.springframework.web.servlet.function.RouterFunctions.route()
				.GET(properties.getPath(), (request) -> {
					MigrationsPage page = renderer.render();
					return org.springframework.web.servlet.function.ServerResponse.status(page.status())
						.contentType(HTML)
						.headers(MigrationsPageConfiguration::pageHeaders)
						.body(page.html());
				})
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@ConditionalOnClass({ org.springframework.web.reactive.function.server.RouterFunction.class, Mono.class })
	static class ReactivePage {

		/** The page is read on a thread that may block (the database), never on the event loop. */
		@Bean
		org.springframework.web.reactive.function.server.RouterFunction<org.springframework.web.reactive.function.server.ServerResponse> migrationsPageRoute(
				MigrationsUiProperties properties, MigrationsPageRenderer renderer) {
			return org.springframework.web.reactive.function.server.RouterFunctions.route()
				.GET(properties.getPath(), (request) -> Mono.fromCallable(renderer::render)
					.subscribeOn(Schedulers.boundedElastic())
					.flatMap((page) -> org.springframework.web.reactive.function.server.ServerResponse
						.status(page.status())
						.contentType(HTML)
						.headers(MigrationsPageConfiguration::pageHeaders)
						.bodyValue(page.html())))
				.build();
		}

	}

}
