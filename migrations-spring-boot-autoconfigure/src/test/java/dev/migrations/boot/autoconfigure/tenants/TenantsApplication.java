package dev.migrations.boot.autoconfigure.tenants;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** An application with nothing but the auto-configuration, for the tenant tests. */
@SpringBootConfiguration
@EnableAutoConfiguration
class TenantsApplication {

}
