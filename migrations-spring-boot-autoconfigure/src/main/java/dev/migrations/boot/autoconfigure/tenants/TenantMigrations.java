package dev.migrations.boot.autoconfigure.tenants;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.migrations.boot.autoconfigure.BoundedRead;
import dev.migrations.error.MigrationsException;
import dev.migrations.graph.Target;
import dev.migrations.tenant.TenantIds;
import dev.migrations.tenant.TenantOptions;
import dev.migrations.tenant.TenantReport;
import dev.migrations.tenant.TenantResult;
import dev.migrations.tenant.TenantRunner;
import dev.migrations.tenant.TenantState;

/**
 * The application's tenants: upgrades them all (at start-up), one at run time ({@code tenant("acme").upgrade()}, for a
 * sign-up), and keeps each tenant's last outcome for the endpoint and the health, so that neither queries every tenant.
 */
public class TenantMigrations {

	private static final Log logger = LogFactory.getLog(TenantMigrations.class);

	private final TenantRunner runner;

	private final TenantSource source;

	private final Target target;

	private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();

	private final Map<String, BoundedRead<TenantResult>> statusReads = new ConcurrentHashMap<>();

	/**
	 * @param runner migrates the tenants
	 * @param source the tenants' ids
	 * @param target the revision tenants are upgraded to ({@code migrations.target})
	 */
	public TenantMigrations(TenantRunner runner, TenantSource source, String target) {
		this.runner = runner;
		this.source = source;
		this.target = Target.parse(target);
	}

	/** A tenant's result and when the application recorded it. */
	public record Outcome(TenantResult result, Instant at) {
	}

	public TenantOptions options() {
		return this.runner.options();
	}

	/** The tenants' ids, as the source gives them now. */
	public List<String> tenantIds() {
		return TenantIds.requireAll(this.source.tenantIds());
	}

	/** Upgrades every tenant, as {@code migrations.tenants.parallelism} and {@code on-failure} say; logs the failures. */
	public TenantReport upgradeAll() {
		long started = System.nanoTime();
		TenantReport report = this.runner.upgrade(tenantIds(), this.target);
		report.tenants().forEach(this::record);
		report.inState(TenantState.FAILED)
			.forEach((failed) -> logger.error("Tenant migration failed: " + failed.line()));
		logger.info("Tenants: " + report.summary() + " in " + (System.nanoTime() - started) / 1_000_000 + " ms");
		return report;
	}

	/** One tenant, which need not be among the source's yet (a tenant signing up). */
	public Tenant tenant(String id) {
		return new Tenant(TenantIds.require(id));
	}

	/** The last outcome the application recorded for each tenant it ran, in no particular order. */
	public List<Outcome> outcomes() {
		return List.copyOf(this.outcomes.values());
	}

	public Optional<Outcome> outcome(String id) {
		return Optional.ofNullable(this.outcomes.get(id));
	}

	private TenantResult record(TenantResult result) {
		this.outcomes.put(result.tenant(), new Outcome(result, Instant.now()));
		return result;
	}

	/** One tenant's migrations. */
	public final class Tenant {

		private final String id;

		private Tenant(String id) {
			this.id = id;
		}

		public String id() {
			return this.id;
		}

		/** Upgrades the tenant to the target, creating its schema if missing; waits for a run that holds its lock. */
		public TenantResult upgrade() {
			return record(TenantMigrations.this.runner.upgrade(this.id, TenantMigrations.this.target));
		}

		/** Where the tenant stands against head, read now; changes nothing. */
		public TenantResult status() {
			return TenantMigrations.this.runner.status(this.id);
		}

		/**
		 * Where the tenant stands against head, read within a bound time (see {@link BoundedRead}): a read that does
		 * not end in time goes on in the background, and the tenant's reads asked for meanwhile wait for it.
		 * @param timeout how long to wait for the read
		 * @throws MigrationsException when the read did not end in time
		 */
		public TenantResult status(Duration timeout) {
			Map<String, BoundedRead<TenantResult>> reads = TenantMigrations.this.statusReads;
			BoundedRead<TenantResult> read = reads.computeIfAbsent(this.id,
					(tenant) -> new BoundedRead<>("migrations-tenant-status-" + tenant, "Check that the database is "
							+ "running and reachable, and that no transaction keeps the tenant's version table locked",
							this::status));
			try {
				return read.within(timeout);
			}
			finally {
				if (read.idle()) {
					reads.remove(this.id, read);
				}
			}
		}

		/** The tenant's last outcome in this application, if it ran one. */
		public @Nullable Outcome lastOutcome() {
			return TenantMigrations.this.outcomes.get(this.id);
		}

	}

}
