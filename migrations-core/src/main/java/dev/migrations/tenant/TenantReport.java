package dev.migrations.tenant;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of a run over many tenants, one result per tenant in the order the tenants were given.
 *
 * @param tenants each tenant's result
 */
public record TenantReport(List<TenantResult> tenants) {

	public TenantReport {
		tenants = List.copyOf(tenants);
	}

	/** How many tenants are in each state; every state is present, with zero where none is. */
	public Map<TenantState, Integer> counts() {
		Map<TenantState, Integer> counts = new EnumMap<>(TenantState.class);
		for (TenantState state : TenantState.values()) {
			counts.put(state, 0);
		}
		this.tenants.forEach((result) -> counts.merge(result.state(), 1, Integer::sum));
		return counts;
	}

	public List<TenantResult> inState(TenantState state) {
		return this.tenants.stream().filter((result) -> result.state() == state).toList();
	}

	public boolean anyFailed() {
		return this.tenants.stream().anyMatch((result) -> result.state() == TenantState.FAILED);
	}

	public Optional<TenantResult> tenant(String id) {
		return this.tenants.stream().filter((result) -> result.tenant().equals(id)).findFirst();
	}

	/**
	 * The summary line of the command line: {@code 200 tenants: 150 upgraded, 50 at head, 0 behind, 0 failed}.
	 */
	public String summary() {
		Map<TenantState, Integer> counts = counts();
		return this.tenants.size() + ((this.tenants.size() == 1) ? " tenant: " : " tenants: ")
				+ counts.get(TenantState.UPGRADED) + " upgraded, " + counts.get(TenantState.AT_HEAD) + " at head, "
				+ counts.get(TenantState.BEHIND) + " behind, " + counts.get(TenantState.FAILED) + " failed";
	}

}
