package dev.migrations.boot.autoconfigure.tenants;

import java.util.List;
import java.util.stream.Collectors;

import dev.migrations.boot.autoconfigure.MigrationsStartupStrategy;
import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.tenant.FailurePolicy;
import dev.migrations.tenant.TenantReport;
import dev.migrations.tenant.TenantResult;
import dev.migrations.tenant.TenantState;

/**
 * Upgrades every tenant at start-up, after the application's own database ({@code migrations.tenants.upgrade-on-startup}).
 * A failed tenant fails start-up under {@code fail-fast}, and always in a job ({@code migrations.mode=job}), whose
 * exit status must tell; under {@code continue} the application starts with the failures logged and shown by the
 * endpoint and the health.
 */
public final class TenantsStartup {

	private final TenantMigrations tenants;

	public TenantsStartup(TenantMigrations tenants) {
		this.tenants = tenants;
	}

	/** The strategy, then every tenant. */
	public MigrationsStartupStrategy after(MigrationsStartupStrategy first, boolean job) {
		return (migrations) -> {
			first.migrate(migrations);
			TenantReport report = this.tenants.upgradeAll();
			if (report.anyFailed() && (job || this.tenants.options().onFailure() == FailurePolicy.FAIL_FAST)) {
				throw failure(report);
			}
		};
	}

	static MigrationsException failure(TenantReport report) {
		List<TenantResult> failed = report.inState(TenantState.FAILED);
		return new MigrationsException(ErrorKind.STATE,
				failed.size() + " of " + report.tenants().size() + " tenants failed: "
						+ failed.stream().map((result) -> result.tenant() + " (" + result.cause() + ")")
							.collect(Collectors.joining("; ")),
				"Fix what each failed tenant's cause names (a revision, the connection, the configuration) and start "
						+ "again: every tenant goes on from its last good revision "
						+ "(migrations.tenants.on-failure=continue starts the application with the other tenants)");
	}

}
