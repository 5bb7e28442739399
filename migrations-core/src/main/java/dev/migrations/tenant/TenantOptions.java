package dev.migrations.tenant;

import java.util.Objects;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;

/**
 * How a run over many tenants goes.
 *
 * @param parallelism how many tenants are migrated at once, at least 1; each takes up to two connections (its lock's
 * and its work's)
 * @param onFailure what the run does when a tenant fails
 */
public record TenantOptions(int parallelism, FailurePolicy onFailure) {

	public static final TenantOptions DEFAULTS = new TenantOptions(4, FailurePolicy.FAIL_FAST);

	public TenantOptions {
		Objects.requireNonNull(onFailure, "onFailure");
		if (parallelism < 1) {
			throw new MigrationsException(ErrorKind.CONFIG, "Tenant parallelism must be at least 1, not " + parallelism,
					"Set migrations.tenants.parallelism (--tenants-parallelism) to how many tenants to migrate at "
							+ "once, e.g. 4");
		}
	}

}
