package dev.migrations.boot.autoconfigure.health;

import java.util.Locale;
import java.util.Map;

import dev.migrations.boot.autoconfigure.MigrationsStatus;
import dev.migrations.boot.autoconfigure.MigrationsStatusProbe;
import dev.migrations.boot.autoconfigure.MigrationsStatusProbe.Reading;
import dev.migrations.boot.autoconfigure.MigrationsStatusProbe.Seen;
import dev.migrations.boot.autoconfigure.tenants.TenantMigrations;
import dev.migrations.boot.autoconfigure.tenants.TenantsHealth;
import dev.migrations.report.RevisionView;

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

	private final @Nullable TenantMigrations tenants;

	/** @param probe reads the database's status within a bound time */
	public MigrationsHealthIndicator(MigrationsStatusProbe probe) {
		this(probe, null);
	}

	/**
	 * @param probe reads the database's status within a bound time
	 * @param tenants the application's tenants, whose last outcomes weigh in as {@link TenantsHealth} says;
	 * {@code null} when it has none
	 */
	public MigrationsHealthIndicator(MigrationsStatusProbe probe, @Nullable TenantMigrations tenants) {
		super("Migrations health check failed");
		this.probe = probe;
		this.tenants = tenants;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		healthOfDatabase(builder);
		if (this.tenants != null) {
			builder.withDetail("tenants", TenantsHealth.details(this.tenants));
			if (TenantsHealth.down(this.tenants)) {
				builder.down();
			}
		}
	}

	private void healthOfDatabase(Health.Builder builder) {
		if (this.probe.upgrading()) {
			builder.outOfService().withDetail("upgrading", true);
			return;
		}
		var migrated = this.probe.migratedByApplication();
		if (migrated.isPresent()) {
			builder.up()
				.withDetail("current", migrated.get().current())
				.withDetail("heads", this.probe.migrations().heads(false).stream().map(RevisionView::id).toList())
				.withDetail("pending", 0);
			return;
		}
		Reading reading = this.probe.read();
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
