package dev.migrations.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Spring Security configuration for the operators' page and the actuator, as written there, on the
 * demo: an anonymous request is refused, an operator gets through, the health probes stay open and the rest of the
 * application is left to its own configuration.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:demo_security;DB_CLOSE_DELAY=-1",
				"spring.autoconfigure.exclude=", "spring.security.user.name=ops",
				"spring.security.user.password=ops-secret", "spring.security.user.roles=OPS" })
class DemoSecurityTests {

	private static final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void anAnonymousRequestIsRefusedThePageAndTheEndpoint() throws Exception {
		for (String path : new String[] { "/migrations", "/actuator/migrations" }) {
			HttpResponse<String> response = get(path, null);
			assertThat(response.statusCode()).as(path).isEqualTo(401);
			assertThat(response.headers().firstValue("WWW-Authenticate")).as(path).hasValueSatisfying(
					(challenge) -> assertThat(challenge).startsWith("Basic "));
			assertThat(response.body()).as(path).doesNotContain("e5f6a7b8c9d0");
		}
	}

	@Test
	void wrongCredentialsAreRefused() throws Exception {
		assertThat(get("/migrations", "ops:guess").statusCode()).isEqualTo(401);
	}

	@Test
	void anOperatorGetsThePageAndTheEndpoint() throws Exception {
		HttpResponse<String> page = get("/migrations", "ops:ops-secret");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).startsWith("<!DOCTYPE html>").contains("<svg ", "e5f6a7b8c9d0");
		HttpResponse<String> endpoint = get("/actuator/migrations", "ops:ops-secret");
		assertThat(endpoint.statusCode()).isEqualTo(200);
		assertThat(endpoint.body()).contains("\"upToDate\":true");
	}

	@Test
	void theHealthStaysOpenForProbes() throws Exception {
		assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
		assertThat(get("/actuator/health/migrations", null).statusCode()).isEqualTo(200);
	}

	@Test
	void theRestOfTheApplicationIsNotThisChainsConcern() throws Exception {
		assertThat(get("/notes", null).statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> get(String path, String credentials) throws Exception {
		return get(this.port, path, credentials);
	}

	/** A GET on {@code port}, with Basic credentials {@code user:password} unless {@code null}. */
	static HttpResponse<String> get(int port, String path, String credentials) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
		if (credentials != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The README's configuration, word for word. */
	@TestConfiguration(proxyBeanMethods = false)
	static class OperationsSecurity {

		@Bean
		SecurityFilterChain operations(HttpSecurity http) throws Exception {
			http.securityMatcher(new OrRequestMatcher(EndpointRequest.toAnyEndpoint(),
					PathPatternRequestMatcher.pathPattern("/migrations")))
				.authorizeHttpRequests((requests) -> requests
					.requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
					.anyRequest().hasRole("OPS"))
				.httpBasic(Customizer.withDefaults());
			return http.build();
		}

	}

}
