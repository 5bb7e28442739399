package dev.migrations.boot.autoconfigure.tenants;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.migrations.tenant.FailurePolicy;

/**
 * How the tenants weigh in the {@code migrations} health. Under {@code fail-fast} a failed tenant is a failed
 * migration: DOWN. Under {@code continue} the application chose to serve the other tenants, so one failed tenant does
 * not take every tenant out of service (nor restart the instance, which would not fix it): DOWN only when every tenant
 * failed; the failures show in the details either way.
 */
public final class TenantsHealth {

	private TenantsHealth() {
	}

	/** Whether the tenants make the health DOWN. */
	public static boolean down(TenantMigrations tenants) {
		TenantsDescriptor descriptor = TenantsDescriptor.of(tenants);
		int failed = descriptor.failed().size();
		return (tenants.options().onFailure() == FailurePolicy.FAIL_FAST) ? failed > 0
				: failed > 0 && failed == descriptor.total();
	}

	/** The health's {@code tenants} detail: the policy, the counts, and the ids of the tenants failed and behind. */
	public static Map<String, Object> details(TenantMigrations tenants) {
		TenantsDescriptor descriptor = TenantsDescriptor.of(tenants);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("onFailure", descriptor.onFailure());
		details.put("counts", descriptor.counts());
		details.put("failed", descriptor.failed().stream().map(TenantsDescriptor.TenantDescriptor::tenant).toList());
		details.put("behind", descriptor.behind().stream().map(TenantsDescriptor.TenantDescriptor::tenant).toList());
		return details;
	}

}
