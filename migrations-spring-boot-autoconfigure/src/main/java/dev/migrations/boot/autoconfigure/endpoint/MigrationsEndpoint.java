package dev.migrations.boot.autoconfigure.endpoint;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.migrations.Migrations;
import dev.migrations.report.RevisionStatus;
import dev.migrations.report.StatusReport;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * The read-only {@code migrations} endpoint: where the database stands against the target, with every revision
 * newest first ({@code GET /actuator/migrations}) or one of them ({@code GET /actuator/migrations/{revision}}).
 */
@Endpoint(id = "migrations")
public class MigrationsEndpoint {

	private final Migrations migrations;

	private final String target;

	/**
	 * @param migrations the engine over the application's database
	 * @param target the revision the application upgrades to ({@code migrations.target})
	 */
	public MigrationsEndpoint(Migrations migrations, String target) {
		this.migrations = migrations;
		this.target = target;
	}

	@ReadOperation
	public MigrationsDescriptor migrations() {
		return MigrationsDescriptor.of(this.migrations.status(this.target));
	}

	/** One revision by its full id; {@code null} (404) when neither the scripts nor the database know it. */
	@ReadOperation
	public @Nullable RevisionDescriptor revision(@Selector String revision) {
		return this.migrations.status(this.target)
			.history()
			.stream()
			.filter((status) -> status.revision().equals(revision))
			.findFirst()
			.map(RevisionDescriptor::of)
			.orElse(null);
	}

	/**
	 * The database's position against the target.
	 *
	 * @param current the revisions in the version table
	 * @param heads the revisions at the target
	 * @param upToDate whether the database is at the target
	 * @param pending the revisions still to apply, in the order they would run
	 * @param history every revision, newest first
	 */
	public record MigrationsDescriptor(List<String> current, List<String> heads, boolean upToDate,
			List<String> pending, List<RevisionDescriptor> history) implements OperationResponseBody {

		static MigrationsDescriptor of(StatusReport report) {
			return new MigrationsDescriptor(report.current(), report.heads(), report.upToDate(), report.pending(),
					report.history().stream().map(RevisionDescriptor::of).toList());
		}

	}

	/**
	 * One revision. Every field is always written, {@code null} where it does not apply.
	 *
	 * @param revision the revision id
	 * @param revises the revisions it revises
	 * @param message its message
	 * @param branchLabels its branch labels
	 * @param dependsOn the revisions it depends on
	 * @param state {@code applied}, {@code pending} or {@code unknown}
	 * @param appliedAt when it was applied; {@code null} if it is not
	 * @param executionMs how long its upgrade took; {@code null} if it was stamped or is not applied
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record RevisionDescriptor(String revision, List<String> revises, String message, List<String> branchLabels,
			List<String> dependsOn, String state, @Nullable Instant appliedAt,
			@Nullable Long executionMs) implements OperationResponseBody {

		static RevisionDescriptor of(RevisionStatus status) {
			return new RevisionDescriptor(status.revision(), status.revises(), status.message(), status.branchLabels(),
					status.dependsOn(), status.state().name().toLowerCase(Locale.ROOT), status.appliedAt(),
					status.executionMs());
		}

	}

}
