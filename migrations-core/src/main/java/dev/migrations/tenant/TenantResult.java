package dev.migrations.tenant;

import java.util.List;
import java.util.Objects;

/**
 * One tenant's outcome.
 *
 * @param tenant the tenant's id
 * @param state where it stands
 * @param revisions its version rows after the run (as far as they could be read after a failure)
 * @param applied how many revisions the run applied to it
 * @param pending how many revisions it lacks to reach head; {@code null} where it was not read (a tenant a fail-fast
 * run did not reach, a failure)
 * @param cause why it failed, or why it was not run; {@code null} otherwise
 */
public record TenantResult(String tenant, TenantState state, List<String> revisions, int applied, Integer pending,
		String cause) {

	public TenantResult {
		Objects.requireNonNull(tenant, "tenant");
		Objects.requireNonNull(state, "state");
		revisions = List.copyOf(revisions);
	}

	static TenantResult upgraded(String tenant, List<String> revisions, int applied) {
		return new TenantResult(tenant, (applied == 0) ? TenantState.AT_HEAD : TenantState.UPGRADED, revisions,
				applied, 0, null);
	}

	static TenantResult failed(String tenant, List<String> revisions, String cause) {
		return new TenantResult(tenant, TenantState.FAILED, revisions, 0, null, cause);
	}

	static TenantResult notRun(String tenant, String reason) {
		return new TenantResult(tenant, TenantState.BEHIND, List.of(), 0, null, reason);
	}

	/**
	 * The tenant's line in the command line's output: {@code acme: upgraded (3 revisions) -> 4c1d}, {@code acme: at
	 * head 4c1d}, {@code acme: FAILED: <cause>}, {@code acme: behind (2 pending)} or {@code acme: behind: <reason>}.
	 */
	public String line() {
		String at = this.revisions.isEmpty() ? "base" : String.join(",", this.revisions);
		return this.tenant + ": " + switch (this.state) {
			case AT_HEAD -> "at head " + at;
			case UPGRADED -> "upgraded (" + this.applied + ((this.applied == 1) ? " revision" : " revisions") + ") -> "
					+ at;
			case FAILED -> "FAILED at " + at + ": " + this.cause;
			case BEHIND -> (this.pending != null) ? "behind (" + this.pending + " pending) at " + at
					: "behind: " + this.cause;
		};
	}

}
