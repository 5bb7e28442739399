package dev.migrations.boot.autoconfigure.health;

import dev.migrations.Migrations;
import dev.migrations.boot.autoconfigure.MigrationsStatus;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code migrations} health: UP at the target, OUT_OF_SERVICE short of it, DOWN when the database names a
 * revision no script has or an applied script has changed (with checksum validation on). It reads the same
 * {@link MigrationsStatus} as the {@code migrations} endpoint.
 */
public class MigrationsHealthIndicator extends AbstractHealthIndicator {

	private final Migrations migrations;

	private final String target;

	/**
	 * @param migrations the engine over the application's database
	 * @param target the revision the application upgrades to ({@code migrations.target})
	 */
	public MigrationsHealthIndicator(Migrations migrations, String target) {
		super("Migrations health check failed");
		this.migrations = migrations;
		this.target = target;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		MigrationsStatus status = MigrationsStatus.read(this.migrations, this.target);
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
