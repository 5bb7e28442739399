package dev.migrations.boot.autoconfigure.tenants;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The tenants' parallelism against the pool's size: half the pool at most, one at least, a warning when lowered. */
@ExtendWith(OutputCaptureExtension.class)
class TenantsParallelismTests {

	@Test
	void aParallelismWithinHalfThePoolOrWithoutAPoolStandsWithoutAWarning(CapturedOutput output) {
		assertThat(TenantsParallelism.within(4, 10)).isEqualTo(4);
		assertThat(TenantsParallelism.within(5, 10)).isEqualTo(5);
		assertThat(TenantsParallelism.within(16, null)).isEqualTo(16);
		assertThat(output).doesNotContain("migrations.tenants.parallelism");
	}

	@Test
	void aPoolOfTwoOrThreeMigratesOneTenantAtATime(CapturedOutput output) {
		assertThat(TenantsParallelism.within(4, 3)).isEqualTo(1);
		assertThat(TenantsParallelism.within(2, 2)).isEqualTo(1);
		assertThat(output).contains("migrations.tenants.parallelism is 4 but the connection pool holds at most 3 "
				+ "connections and each tenant at work holds 2: migrating 1 tenant(s) at once; to migrate 4, raise the "
				+ "pool's maximum size (spring.datasource.hikari.maximum-pool-size with Spring Boot's default pool) to 8, "
				+ "or set migrations.tenants.parallelism to 1");
	}

}
