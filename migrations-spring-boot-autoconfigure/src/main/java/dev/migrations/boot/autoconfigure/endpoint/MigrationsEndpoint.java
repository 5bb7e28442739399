package dev.migrations.boot.autoconfigure.endpoint;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.migrations.Migrations;
import dev.migrations.boot.autoconfigure.MigrationsInstances;
import dev.migrations.boot.autoconfigure.MigrationsStatus;
import dev.migrations.boot.autoconfigure.MigrationsStatusProbe;
import dev.migrations.boot.autoconfigure.MigrationsStatusProbe.Reading;
import dev.migrations.boot.autoconfigure.MigrationsStatusProbe.Seen;
import dev.migrations.boot.autoconfigure.tenants.TenantMigrations;
import dev.migrations.boot.autoconfigure.tenants.TenantsDescriptor;
import dev.migrations.boot.autoconfigure.tenants.TenantsDescriptor.TenantStatusDescriptor;
import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.graph.GraphException;
import dev.migrations.graph.RevisionNotFoundException;
import dev.migrations.report.RevisionStatus;
import dev.migrations.report.RevisionView;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * The read-only {@code migrations} endpoint: where the database stands against the target, with every revision
 * newest first ({@code GET /actuator/migrations}) or the revisions an identifier names, as the command line
 * resolves it ({@code GET /actuator/migrations/{revision}}). A database that does not answer in time (see
 * {@link MigrationsStatusProbe}) is a 503 naming the cause, with the state the application last saw.
 */
@Endpoint(id = "migrations")
public class MigrationsEndpoint {

	private final MigrationsStatusProbe probe;

	private final Migrations migrations;

	private final Map<String, MigrationsStatusProbe> instances;

	private final @Nullable TenantMigrations tenants;

	/** @param probe reads the database's status within a bound time */
	public MigrationsEndpoint(MigrationsStatusProbe probe) {
		this(probe, Map.of(), null);
	}

	/**
	 * @param probe reads the default set's database status within a bound time
	 * @param instances the probes of the named instances ({@code migrations.instances.<name>}), in run order
	 * @param tenants the application's tenants; {@code null} when it has none
	 */
	public MigrationsEndpoint(MigrationsStatusProbe probe, Map<String, MigrationsStatusProbe> instances,
			@Nullable TenantMigrations tenants) {
		this.probe = probe;
		this.migrations = probe.migrations();
		this.instances = new LinkedHashMap<>(instances);
		this.tenants = tenants;
	}

	@ReadOperation
	public WebEndpointResponse<OperationResponseBody> migrations() {
		Map<String, CompletableFuture<OperationResponseBody>> reads = MigrationsInstances.readEach(this.instances,
				(instance) -> describe(instance.read()));
		Reading reading = this.probe.read();
		if (reading instanceof Reading.Unavailable unavailable) {
			return UnavailableDescriptor.response(unavailable);
		}
		Map<String, OperationResponseBody> instances = new LinkedHashMap<>();
		reads.forEach((name, read) -> instances.put(name, read.join()));
		return new WebEndpointResponse<>(MigrationsDescriptor.of(((Reading.Read) reading).status(), instances,
				(this.tenants != null) ? TenantsDescriptor.of(this.tenants) : null));
	}

	/** An instance's entry: where its database stands, or why it could not be read with what was last seen. */
	private static OperationResponseBody describe(Reading reading) {
		if (reading instanceof Reading.Unavailable unavailable) {
			return UnavailableDescriptor.of(unavailable);
		}
		return MigrationsDescriptor.of(((Reading.Read) reading).status(), Map.of(), null);
	}

	/**
	 * One tenant, {@code GET /actuator/migrations/tenants/{id}}: read now, with its last recorded outcome. A read that
	 * does not end within the probe's time is a 503 with the state {@code unknown}; a 404 without tenants (or for
	 * another path), a 400 for an invalid id.
	 */
	@ReadOperation
	public WebEndpointResponse<OperationResponseBody> tenant(@Selector String tenants, @Selector String id) {
		if (this.tenants == null || !"tenants".equals(tenants)) {
			return ErrorDescriptor.response(new MigrationsException(ErrorKind.CONFIG,
					"No tenants at /actuator/migrations/" + tenants + "/" + id,
					"Configure tenants (migrations.tenants.ids, migrations.tenants.query or a TenantSource bean) and "
							+ "ask /actuator/migrations/tenants/{id}"),
					WebEndpointResponse.STATUS_NOT_FOUND);
		}
		try {
			TenantStatusDescriptor tenant = TenantStatusDescriptor.of(this.tenants.tenant(id), this.probe.timeout());
			return new WebEndpointResponse<>(new TenantDescriptorBody(tenant),
					tenant.unknown() ? WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE : WebEndpointResponse.STATUS_OK);
		}
		catch (MigrationsException ex) {
			return ErrorDescriptor.response(ex, WebEndpointResponse.STATUS_BAD_REQUEST);
		}
	}

	/**
	 * One tenant's body.
	 *
	 * @param tenant the tenant read now, with its last recorded outcome
	 */
	public record TenantDescriptorBody(TenantStatusDescriptor tenant) implements OperationResponseBody {

	}

	/**
	 * The revision an identifier names: a full id (a version row no script has included), a unique prefix,
	 * {@code head}, {@code <label>@head}, {@code current}; an identifier naming several ({@code heads}) lists
	 * them. An identifier that names nothing is a 404 and an invalid one a 400, each with the message and hint.
	 */
	@ReadOperation
	public WebEndpointResponse<OperationResponseBody> revision(@Selector String revision) {
		Reading reading = this.probe.read();
		if (reading instanceof Reading.Unavailable unavailable) {
			return UnavailableDescriptor.response(unavailable);
		}
		MigrationsStatus status = ((Reading.Read) reading).status();
		List<String> ids;
		if (status.history().stream().anyMatch((entry) -> entry.revision().equals(revision))) {
			ids = List.of(revision);
		}
		else {
			try {
				ids = this.migrations.show(revision).stream().map(RevisionView::id).toList();
			}
			catch (RevisionNotFoundException ex) {
				return ErrorDescriptor.response(ex, WebEndpointResponse.STATUS_NOT_FOUND);
			}
			catch (GraphException ex) {
				return ErrorDescriptor.response(ex, WebEndpointResponse.STATUS_BAD_REQUEST);
			}
		}
		List<RevisionDescriptor> found = status.history()
			.stream()
			.filter((entry) -> ids.contains(entry.revision()))
			.map(RevisionDescriptor::of)
			.toList();
		return new WebEndpointResponse<>((found.size() == 1) ? found.get(0) : new RevisionsDescriptor(found));
	}

	/**
	 * The database's position.
	 *
	 * @param current the revisions in the version table
	 * @param heads the heads of the scripts
	 * @param target the revision the application upgrades to ({@code migrations.target})
	 * @param upToDate whether the database is at the target, with no unknown revision and no changed script
	 * @param pending the revisions not applied yet, in the order they would run (the history's {@code pending}
	 * entries)
	 * @param history every revision, newest first
	 * @param instances the named instances by name, each with these fields or, when its database could not be read,
	 * {@code error} and {@code lastSeen}; left out when the application has none
	 * @param tenants the tenants' last outcomes, counted per state; left out when the application has no tenants
	 */
	public record MigrationsDescriptor(List<String> current, List<String> heads, String target, boolean upToDate,
			List<String> pending, List<RevisionDescriptor> history,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, OperationResponseBody> instances,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable TenantsDescriptor tenants)
			implements OperationResponseBody {

		static MigrationsDescriptor of(MigrationsStatus status, Map<String, OperationResponseBody> instances,
				@Nullable TenantsDescriptor tenants) {
			return new MigrationsDescriptor(status.current(), status.heads(), status.target(), status.upToDate(),
					status.pending(), status.history().stream().map(RevisionDescriptor::of).toList(), instances,
					tenants);
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
	 * @param state {@code applied}, {@code changed} (applied, and its script changed since), {@code pending} or
	 * {@code unknown}
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

	/**
	 * The revisions an identifier such as {@code heads} names, newest first.
	 *
	 * @param revisions the revisions
	 */
	public record RevisionsDescriptor(List<RevisionDescriptor> revisions) implements OperationResponseBody {

	}

	/**
	 * Why an identifier names no revision, in the command line's words.
	 *
	 * @param error the kind of error, its message and its hint
	 */
	public record ErrorDescriptor(Problem error) implements OperationResponseBody {

		static WebEndpointResponse<OperationResponseBody> response(MigrationsException ex, int status) {
			return new WebEndpointResponse<>(new ErrorDescriptor(Problem.of(ex)), status);
		}

		/**
		 * @param kind the engine's error kind, lower case
		 * @param message the one-line message
		 * @param hint how to fix it; {@code null} if there is none
		 */
		public record Problem(String kind, String message, @Nullable String hint) {

			static Problem of(MigrationsException ex) {
				return new Problem(ex.kind().name().toLowerCase(Locale.ROOT), ex.getMessage(), ex.hint());
			}

		}

	}

	/**
	 * Why the database's state could not be read in time (a 503), and the state the application last saw.
	 *
	 * @param error the kind of error, its message and its hint
	 * @param lastSeen the state last read, or left by the application's own upgrade, with when; {@code null} if the
	 * application has seen none
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record UnavailableDescriptor(ErrorDescriptor.Problem error,
			@Nullable Seen lastSeen) implements OperationResponseBody {

		static WebEndpointResponse<OperationResponseBody> response(Reading.Unavailable unavailable) {
			return new WebEndpointResponse<>(of(unavailable), WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE);
		}

		static UnavailableDescriptor of(Reading.Unavailable unavailable) {
			return new UnavailableDescriptor(ErrorDescriptor.Problem.of(unavailable.cause()), unavailable.lastSeen());
		}

	}

}
