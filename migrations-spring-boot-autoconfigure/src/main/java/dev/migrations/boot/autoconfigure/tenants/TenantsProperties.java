package dev.migrations.boot.autoconfigure.tenants;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.migrations.tenant.FailurePolicy;

/** Tenants migrated with the application's scripts, each with its own version and history tables. */
@ConfigurationProperties("migrations.tenants")
public class TenantsProperties {

	/** Where each tenant's tables live: 'schema' of the migrations database, or a 'database' of its own. */
	private Mode mode = Mode.SCHEMA;

	/** The tenant ids: letters, digits and underscores. */
	private List<String> ids = new ArrayList<>();

	/** Locations of the tenants' revision scripts; 'migrations.locations' when empty. */
	private List<String> locations = new ArrayList<>();

	/** SQL whose first column lists the tenant ids, run on the migrations database, instead of 'ids'. */
	private @Nullable String query;

	/** Mode 'database': the JDBC URL of a tenant's database, with ${tenant} for its id. */
	private @Nullable String url;

	/** Mode 'database': the user of the tenants' databases. */
	private @Nullable String user;

	/** Mode 'database': the password of the tenants' databases. */
	private @Nullable String password;

	/**
	 * How many tenants are migrated at once; each takes up to two connections, so at most half the maximum size of
	 * the connection pool they share.
	 */
	private int parallelism = 4;

	/** What a run over the tenants does when one fails: 'fail-fast' starts no other, 'continue' goes on. */
	private FailurePolicy onFailure = FailurePolicy.FAIL_FAST;

	/** Whether start-up upgrades every tenant to head, after the application's own database. */
	private boolean upgradeOnStartup = true;

	public Mode getMode() {
		return this.mode;
	}

	public void setMode(Mode mode) {
		this.mode = mode;
	}

	public List<String> getIds() {
		return this.ids;
	}

	public void setIds(List<String> ids) {
		this.ids = ids;
	}

	public List<String> getLocations() {
		return this.locations;
	}

	public void setLocations(List<String> locations) {
		this.locations = locations;
	}

	public @Nullable String getQuery() {
		return this.query;
	}

	public void setQuery(@Nullable String query) {
		this.query = query;
	}

	public @Nullable String getUrl() {
		return this.url;
	}

	public void setUrl(@Nullable String url) {
		this.url = url;
	}

	public @Nullable String getUser() {
		return this.user;
	}

	public void setUser(@Nullable String user) {
		this.user = user;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	public int getParallelism() {
		return this.parallelism;
	}

	public void setParallelism(int parallelism) {
		this.parallelism = parallelism;
	}

	public FailurePolicy getOnFailure() {
		return this.onFailure;
	}

	public void setOnFailure(FailurePolicy onFailure) {
		this.onFailure = onFailure;
	}

	public boolean isUpgradeOnStartup() {
		return this.upgradeOnStartup;
	}

	public void setUpgradeOnStartup(boolean upgradeOnStartup) {
		this.upgradeOnStartup = upgradeOnStartup;
	}

	/** Where each tenant's tables live. */
	public enum Mode {

		/** A schema per tenant in the migrations database (a database per tenant on the MariaDB server). */
		SCHEMA,
		/** A database per tenant, at 'migrations.tenants.url'. */
		DATABASE

	}

}
