package dev.migrations.boot.autoconfigure.ui;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrations.boot.autoconfigure.integration.NotesApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The operators' page served by a real Spring MVC server over H2: off by default, on its path when enabled, and
 * only on the management port when {@code management.server.port} is set.
 */
class MigrationsPageServerTests {

	private static final HttpClient client = HttpClient.newHttpClient();

	@Test
	void enabledPageShowsTheGraphWithTheCurrentRevisionMarked() throws Exception {
		try (ConfigurableApplicationContext context = start("migrations.ui.enabled=true")) {
			HttpResponse<String> page = get(port(context), "/migrations");
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
			assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(MigrationsPage.CONTENT_SECURITY_POLICY);
			assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
			assertThat(page.body()).startsWith("<!DOCTYPE html>").contains("<svg ").contains("Up to date");
			assertThat(nodes(page.body())).containsExactly("<g class=\"node head current\" data-revision=\"2b3c4d5e6f70\"",
					"<g class=\"node\" data-revision=\"1a2b3c4d5e6f\"");
			assertThat(page.body()).contains("\"current\":[\"2b3c4d5e6f70\"]", "\"upToDate\":true",
					"\"log\":{\"1a2b3c4d5e6f\":[{\"operation\":\"upgrade\"");
			assertThat(page.body()).doesNotContain("src=\"http", "href=\"http");
		}
	}

	@Test
	void disabledByDefault() throws Exception {
		try (ConfigurableApplicationContext context = start()) {
			assertThat(get(port(context), "/migrations").statusCode()).isEqualTo(404);
			assertThat(context.getBeanNamesForType(MigrationsPageRenderer.class)).isEmpty();
		}
	}

	@Test
	void explicitlyDisabledIsNotFound() throws Exception {
		try (ConfigurableApplicationContext context = start("migrations.ui.enabled=false")) {
			assertThat(get(port(context), "/migrations").statusCode()).isEqualTo(404);
		}
	}

	@Test
	void servedOnTheManagementPortOnlyWhenOneIsSet() throws Exception {
		try (ConfigurableApplicationContext context = start("migrations.ui.enabled=true", "management.server.port=0")) {
			int managementPort = Integer.parseInt(context.getEnvironment().getProperty("local.management.port"));
			assertThat(managementPort).isNotEqualTo(port(context));
			assertThat(get(port(context), "/migrations").statusCode()).isEqualTo(404);
			HttpResponse<String> page = get(managementPort, "/migrations");
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(nodes(page.body())).hasSize(2);
		}
	}

	@Test
	void servedOnTheConfiguredPath() throws Exception {
		try (ConfigurableApplicationContext context = start("migrations.ui.enabled=true",
				"migrations.ui.path=/ops/schema")) {
			assertThat(get(port(context), "/ops/schema").statusCode()).isEqualTo(200);
			assertThat(get(port(context), "/migrations").statusCode()).isEqualTo(404);
		}
	}

	@Test
	void aPathThatIsNotAbsoluteStopsTheStartWithTheProperty() {
		Throwable thrown = catchThrowable(() -> start("migrations.ui.enabled=true", "migrations.ui.path=ops/*").close());
		List<String> messages = new ArrayList<>();
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			messages.add(cause.getMessage());
		}
		assertThat(messages).contains("migrations.ui.path 'ops/*' is not a plain absolute path: start it with '/', "
				+ "without spaces, '*', '?' or '{' (for example /migrations)");
	}

	/** The opening tag of each revision's node, in document order. */
	static List<String> nodes(String html) {
		List<String> nodes = new ArrayList<>();
		Matcher matcher = Pattern.compile("<g class=\"node[^\"]*\" data-revision=\"[^\"]*\"").matcher(html);
		while (matcher.find()) {
			nodes.add(matcher.group());
		}
		return nodes;
	}

	private static ConfigurableApplicationContext start(String... properties) {
		List<String> all = new ArrayList<>(List.of("server.port=0",
				"spring.datasource.url=jdbc:h2:mem:ui_page_" + UUID.randomUUID().toString().replace("-", "")
						+ ";DB_CLOSE_DELAY=-1",
				"spring.jpa.hibernate.ddl-auto=none", "spring.main.banner-mode=off"));
		all.addAll(List.of(properties));
		return new SpringApplicationBuilder(NotesApplication.class).properties(all.toArray(String[]::new)).run();
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	private static HttpResponse<String> get(int port, String path) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
