package dev.migrations.boot.autoconfigure.health;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import dev.migrations.boot.autoconfigure.MigrationsInstances;
import dev.migrations.boot.autoconfigure.MigrationsStatus;
import dev.migrations.boot.autoconfigure.MigrationsStatusProbe;
import dev.migrations.boot.autoconfigure.MigrationsStatusProbe.Reading;
import dev.migrations.boot.autoconfigure.MigrationsStatusProbe.Seen;
import dev.migrations.boot.autoconfigure.tenants.TenantMigrations;
import dev.migrations.boot.autoconfigure.tenants.TenantsHealth;
import dev.migrations.report.RevisionView;

import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code migrations} health: UP at the target, OUT_OF_SERVICE short of it, DOWN when the database names a
 * revision no script has or an applied script has changed (with checksum validation on), and DOWN with the reason
 * when the database does not answer in time. It reads the same {@link MigrationsStatus} as the {@code migrations}
 * endpoint, through the {@link MigrationsStatusProbe}; while the application's own upgrade runs in the background
 * ({@code migrations.mode=async}) it is OUT_OF_SERVICE, and once the application upgraded the database to the target
 * itself it is UP, both without asking the database.
 */
public class MigrationsHealthIndicator extends AbstractHealthIndicator {

	private final MigrationsStatusProbe probe;

	private final Map<String, MigrationsStatusProbe> instances;

	private final @Nullable TenantMigrations tenants;

	/** @param probe reads the database's status within a bound time */
	public MigrationsHealthIndicator(MigrationsStatusProbe probe) {
		this(probe, Map.of(), null);
	}

	/**
	 * @param probe reads the default set's database status within a bound time
	 * @param instances the probes of the named instances ({@code migrations.instances.<name>}), in run order: each
	 * is a detail under {@code instances}, and the status is the worst of all
	 * @param tenants the application's tenants, whose last outcomes weigh in as {@link TenantsHealth} says;
	 * {@code null} when it has none
	 */
	public MigrationsHealthIndicator(MigrationsStatusProbe probe, Map<String, MigrationsStatusProbe> instances,
			@Nullable TenantMigrations tenants) {
		super("Migrations health check failed");
		this.probe = probe;
		this.instances = new LinkedHashMap<>(instances);
		this.tenants = tenants;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Map<String, CompletableFuture<Health>> reads = MigrationsInstances.readEach(this.instances,
				MigrationsHealthIndicator::instanceHealth);
		healthOf(this.probe, builder);
		if (this.tenants != null) {
			builder.withDetail("tenants", TenantsHealth.details(this.tenants));
			if (TenantsHealth.down(this.tenants)) {
				builder.down();
			}
		}
		if (reads.isEmpty()) {
			return;
		}
		Map<String, Health> instances = new LinkedHashMap<>();
		reads.forEach((name, read) -> instances.put(name, read.join()));
		Set<Status> statuses = new HashSet<>();
		statuses.add(builder.build().getStatus());
		instances.values().forEach((health) -> statuses.add(health.getStatus()));
		builder.status(StatusAggregator.getDefault().getAggregateStatus(statuses)).withDetail("instances", instances);
	}

	private static Health instanceHealth(MigrationsStatusProbe probe) {
		Health.Builder builder = Health.unknown();
		try {
			healthOf(probe, builder);
		}
		catch (RuntimeException ex) {
			builder.down(ex);
		}
		return builder.build();
	}

	/** The health of one set, read through its probe. */
	private static void healthOf(MigrationsStatusProbe probe, Health.Builder builder) {
		if (probe.upgrading()) {
			builder.outOfService().withDetail("upgrading", true);
			return;
		}
		var migrated = probe.migratedByApplication();
		if (migrated.isPresent()) {
			builder.up()
				.withDetail("current", migrated.get().current())
				.withDetail("heads", probe.migrations().heads(false).stream().map(RevisionView::id).toList())
				.withDetail("pending", 0);
			return;
		}
		Reading reading = probe.read();
		if (reading instanceof Reading.Read read) {
			healthOf(read.status(), builder);
		}
		else if (reading instanceof Reading.Unavailable unavailable) {
			builder.down()
				.withDetail("reason", unavailable.cause().getMessage())
				.withDetail("kind", unavailable.cause().kind().name().toLowerCase(Locale.ROOT));
			Seen lastSeen = unavailable.lastSeen();
			if (lastSeen != null) {
				builder.withDetail("lastSeen", Map.of("at", lastSeen.at().toString(), "current", lastSeen.current(),
						"upToDate", lastSeen.upToDate()));
			}
		}
	}

	private static void healthOf(MigrationsStatus status, Health.Builder builder) {
		builder.status(status(status))
			.withDetail("current", status.current())
			.withDetail("heads", status.heads())
			.withDetail("pending", status.pending().size());
		if (!status.unknown().isEmpty()) {
			builder.withDetail("unknown", status.unknown());
		}
		if (!status.checksumMismatches().isEmpty()) {
			builder.withDetail("checksumMismatches", status.checksumMismatches());
		}
	}

	private static Status status(MigrationsStatus status) {
		if (status.broken()) {
			return Status.DOWN;
		}
		return status.upToDate() ? Status.UP : Status.OUT_OF_SERVICE;
	}

}
