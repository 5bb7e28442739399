package dev.migrations.boot.autoconfigure.health;

import dev.migrations.Migrations;
import dev.migrations.report.StatusReport;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code migrations} health: UP at the target, OUT_OF_SERVICE while revisions are pending, DOWN when the
 * database names a revision no script has or an applied script has changed (with checksum validation on).
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
		StatusReport report = this.migrations.status(this.target);
		builder.status(status(report))
			.withDetail("current", report.current())
			.withDetail("heads", report.heads())
			.withDetail("pending", report.pending().size());
		if (!report.unknown().isEmpty()) {
			builder.withDetail("unknown", report.unknown());
		}
		if (!report.checksumMismatches().isEmpty()) {
			builder.withDetail("checksumMismatches", report.checksumMismatches());
		}
	}

	private static Status status(StatusReport report) {
		if (!report.unknown().isEmpty() || !report.checksumMismatches().isEmpty()) {
			return Status.DOWN;
		}
		return report.upToDate() ? Status.UP : Status.OUT_OF_SERVICE;
	}

}
