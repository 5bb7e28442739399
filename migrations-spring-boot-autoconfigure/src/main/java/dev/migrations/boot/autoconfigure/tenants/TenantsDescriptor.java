package dev.migrations.boot.autoconfigure.tenants;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import dev.migrations.error.MigrationsException;
import dev.migrations.tenant.TenantResult;
import dev.migrations.tenant.TenantState;

/**
 * The {@code tenants} member of {@code /actuator/migrations}: the last outcome the application recorded for each
 * tenant it ran (at start-up, or one at run time), counted per state, with the tenants behind or failed listed. Read
 * from memory: it asks no database.
 *
 * @param onFailure the failure policy, {@code fail-fast} or {@code continue}
 * @param total how many tenants the application ran
 * @param counts how many are in each state: {@code at_head}, {@code upgraded}, {@code behind}, {@code failed}
 * @param behind the tenants behind, by id
 * @param failed the tenants failed, by id
 */
public record TenantsDescriptor(String onFailure, int total, Map<String, Integer> counts, List<TenantDescriptor> behind,
		List<TenantDescriptor> failed) {

	public static TenantsDescriptor of(TenantMigrations tenants) {
		List<TenantMigrations.Outcome> outcomes = tenants.outcomes()
			.stream()
			.sorted(Comparator.comparing((outcome) -> outcome.result().tenant()))
			.toList();
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (TenantState state : TenantState.values()) {
			counts.put(name(state), (int) outcomes.stream().filter((outcome) -> outcome.result().state() == state).count());
		}
		return new TenantsDescriptor(tenants.options().onFailure().text(), outcomes.size(), counts,
				inState(outcomes, TenantState.BEHIND), inState(outcomes, TenantState.FAILED));
	}

	private static List<TenantDescriptor> inState(List<TenantMigrations.Outcome> outcomes, TenantState state) {
		return outcomes.stream()
			.filter((outcome) -> outcome.result().state() == state)
			.map(TenantDescriptor::of)
			.toList();
	}

	static String name(TenantState state) {
		return state.name().toLowerCase(Locale.ROOT);
	}

	/**
	 * One tenant's recorded outcome. Every field is always written, {@code null} where it does not apply.
	 *
	 * @param tenant the tenant's id
	 * @param state {@code at_head}, {@code upgraded}, {@code behind} or {@code failed}
	 * @param current its version rows after the run
	 * @param applied how many revisions the run applied
	 * @param pending how many revisions it lacks; {@code null} where not read
	 * @param cause why it failed or was not run
	 * @param at when the application recorded it
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record TenantDescriptor(String tenant, String state, List<String> current, int applied,
			@Nullable Integer pending, @Nullable String cause, Instant at) {

		static TenantDescriptor of(TenantMigrations.Outcome outcome) {
			TenantResult result = outcome.result();
			return new TenantDescriptor(result.tenant(), name(result.state()), result.revisions(), result.applied(),
					result.pending(), result.cause(), outcome.at());
		}

	}

	/**
	 * {@code /actuator/migrations/tenants/{id}}: the tenant read now, and its last recorded outcome. A tenant whose last
	 * run failed and which is still short of head is {@code failed}; one that could not be read in time is
	 * {@code unknown}.
	 *
	 * @param tenant the tenant's id
	 * @param state {@code at_head}, {@code behind}, {@code failed} or {@code unknown}
	 * @param current its version rows; {@code null} when it could not be read in time
	 * @param pending how many revisions it lacks; {@code null} when it could not be read
	 * @param cause why it failed (its last run, or the read now), or why it could not be read in time
	 * @param lastRun its last recorded outcome; {@code null} if the application ran none
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record TenantStatusDescriptor(String tenant, String state, @Nullable List<String> current,
			@Nullable Integer pending, @Nullable String cause, @Nullable TenantDescriptor lastRun) {

		/** The state of a tenant whose read did not end in time. */
		public static final String UNKNOWN = "unknown";

		/**
		 * @param tenant the tenant
		 * @param timeout how long to wait for its read (see {@link TenantMigrations.Tenant#status(Duration)})
		 */
		public static TenantStatusDescriptor of(TenantMigrations.Tenant tenant, Duration timeout) {
			TenantMigrations.Outcome last = tenant.lastOutcome();
			TenantDescriptor lastRun = (last != null) ? TenantDescriptor.of(last) : null;
			TenantResult now;
			try {
				now = tenant.status(timeout);
			}
			catch (MigrationsException ex) {
				return new TenantStatusDescriptor(tenant.id(), UNKNOWN, null, null, ex.getMessage(), lastRun);
			}
			boolean lastFailed = last != null && last.result().state() == TenantState.FAILED;
			boolean failed = now.state() == TenantState.FAILED || (lastFailed && now.state() != TenantState.AT_HEAD);
			String cause = (now.cause() != null) ? now.cause() : (failed && last != null) ? last.result().cause() : null;
			return new TenantStatusDescriptor(now.tenant(), failed ? name(TenantState.FAILED) : name(now.state()),
					now.revisions(), now.pending(), cause, lastRun);
		}

		/** Whether the tenant could not be read in time. */
		public boolean unknown() {
			return UNKNOWN.equals(this.state);
		}

	}

}
