package dev.migrations.tenant;

/** Where a tenant stands after a run (or a status read). */
public enum TenantState {

	/** At head already: the run applied nothing. */
	AT_HEAD,

	/** Brought to head by the run. */
	UPGRADED,

	/** Its run failed: the tenant is at its last good revision. */
	FAILED,

	/** Not at head and not run: revisions are pending, or a fail-fast run stopped before it. */
	BEHIND

}
