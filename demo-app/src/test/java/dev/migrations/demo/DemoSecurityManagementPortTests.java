package dev.migrations.demo;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.annotation.Import;

import static dev.migrations.demo.DemoSecurityTests.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Spring Security configuration where {@code management.server.port} moves the actuator and the
 * operators' page to a port of their own: the same chain guards them there.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:demo_security_management;DB_CLOSE_DELAY=-1",
				"management.server.port=0", "spring.autoconfigure.exclude=", "spring.security.user.name=ops",
				"spring.security.user.password=ops-secret", "spring.security.user.roles=OPS" })
@Import(DemoSecurityTests.OperationsSecurity.class)
class DemoSecurityManagementPortTests {

	@LocalManagementPort
	private int managementPort;

	@Test
	void anAnonymousRequestIsRefusedAndAnOperatorGetsThrough() throws Exception {
		for (String path : new String[] { "/migrations", "/actuator/migrations" }) {
			assertThat(get(this.managementPort, path, null).statusCode()).as(path).isEqualTo(401);
			assertThat(get(this.managementPort, path, "ops:ops-secret").statusCode()).as(path).isEqualTo(200);
		}
		assertThat(get(this.managementPort, "/actuator/health", null).statusCode()).isEqualTo(200);
	}

}
