package dev.migrations.boot.autoconfigure.ui;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.context.annotation.Import;

/**
 * The operators' page in Actuator's management context: the application's own when the management port is the
 * server's, the child context on {@code management.server.port} when it is set, so that the page is where the
 * actuator is and nowhere else.
 */
@ManagementContextConfiguration(value = ManagementContextType.ANY, proxyBeanMethods = false)
@Import(MigrationsPageConfiguration.class)
public class MigrationsPageManagementContextConfiguration {

}
