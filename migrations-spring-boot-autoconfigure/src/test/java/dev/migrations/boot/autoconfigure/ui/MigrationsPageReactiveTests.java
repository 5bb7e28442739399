package dev.migrations.boot.autoconfigure.ui;

import java.util.List;
import java.util.UUID;

import dev.migrations.Migrations;
import dev.migrations.config.MigrationsConfig;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The page on WebFlux, read off the event loop, and which web stack gets which route. */
class MigrationsPageReactiveTests {

	private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MigrationsPageAutoConfiguration.class))
		.withUserConfiguration(MigrationsPageConfiguration.class)
		.withBean(Migrations.class, MigrationsPageReactiveTests::upgradedOnH2);

	@Test
	void servesThePageOnWebFlux() {
		this.reactive.withPropertyValues("migrations.ui.enabled=true").run((context) -> {
			@SuppressWarnings("unchecked")
			RouterFunction<ServerResponse> route = context.getBean(RouterFunction.class);
			String html = WebTestClient.bindToRouterFunction(route)
				.build()
				.get()
				.uri("/migrations")
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
				.expectHeader()
				.valueEquals("Content-Security-Policy", MigrationsPage.CONTENT_SECURITY_POLICY)
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			assertThat(MigrationsPageServerTests.nodes(html)).containsExactly(
					"<g class=\"node head current\" data-revision=\"2b3c4d5e6f70\"",
					"<g class=\"node\" data-revision=\"1a2b3c4d5e6f\"");
		});
	}

	@Test
	void noRouteUnlessEnabled() {
		this.reactive.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(RouterFunction.class)
			.doesNotHaveBean(MigrationsPageRenderer.class));
	}

	@Test
	void noPageWithoutMigrations() {
		new ReactiveWebApplicationContextRunner().withUserConfiguration(MigrationsPageConfiguration.class)
			.withPropertyValues("migrations.ui.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MigrationsPageRenderer.class));
	}

	@Test
	void aServletApplicationGetsTheServletRoute() {
		new WebApplicationContextRunner().withUserConfiguration(MigrationsPageConfiguration.class)
			.withBean(Migrations.class, MigrationsPageReactiveTests::upgradedOnH2)
			.withPropertyValues("migrations.ui.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(org.springframework.web.servlet.function.RouterFunction.class)
				.doesNotHaveBean(RouterFunction.class));
	}

	@Test
	void theAutoConfigurationBacksOffWhereActuatorServesThePage() {
		new ReactiveWebApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigrationsPageAutoConfiguration.class))
			.withBean(Migrations.class, MigrationsPageReactiveTests::upgradedOnH2)
			.withPropertyValues("migrations.ui.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MigrationsPageRenderer.class));
	}

	private static Migrations upgradedOnH2() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:ui_reactive_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
		Migrations migrations = new Migrations(
				MigrationsConfig.builder().locations(List.of("classpath:db/migrations")).build(), dataSource);
		migrations.upgrade("heads");
		return migrations;
	}

}
