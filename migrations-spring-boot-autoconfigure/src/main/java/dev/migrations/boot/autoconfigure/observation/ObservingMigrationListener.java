package dev.migrations.boot.autoconfigure.observation;

import dev.migrations.config.MigrationListener;
import dev.migrations.graph.Direction;
import dev.migrations.graph.MigrationStep;
import dev.migrations.graph.PlanStep;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * The engine's run and step callbacks as Micrometer observations: {@code migrations.run} for each upgrade, downgrade
 * or stamp, and within it {@code migrations.revision} for each step. Low-cardinality keys: {@code direction}
 * ({@code upgrade}, {@code downgrade}, {@code stamp}), {@code outcome} ({@code success}, {@code failure}) and
 * {@code instance}; high-cardinality: the {@code revision}, and the {@code tenant} in a tenant's runs. A run happens on one thread, so the observations in
 * progress are kept per thread and runs on several threads at once stay apart.
 */
public final class ObservingMigrationListener implements MigrationListener {

	/** The observation of a whole run. */
	public static final String RUN = "migrations.run";

	/** The observation of one revision's step. */
	public static final String REVISION = "migrations.revision";

	private final ObservationRegistry registry;

	private final String instance;

	private final @Nullable String tenant;

	private final ThreadLocal<@Nullable Observation> run = new ThreadLocal<>();

	private final ThreadLocal<@Nullable Observation> revision = new ThreadLocal<>();

	/**
	 * @param registry where the observations go
	 * @param instance the name of the migration set, the {@code instance} key
	 */
	public ObservingMigrationListener(ObservationRegistry registry, String instance) {
		this(registry, instance, null);
	}

	private ObservingMigrationListener(ObservationRegistry registry, String instance, @Nullable String tenant) {
		this.registry = registry;
		this.instance = instance;
		this.tenant = tenant;
	}

	@Override
	public MigrationListener forTenant(String tenant) {
		return new ObservingMigrationListener(this.registry, this.instance, tenant);
	}

	@Override
	public void runStarting(String command) {
		this.run.set(withTenant(Observation.createNotStarted(RUN, this.registry)
			.contextualName("migrations " + command)
			.lowCardinalityKeyValue("direction", command)
			.lowCardinalityKeyValue("instance", this.instance)).start());
	}

	@Override
	public void beforeStep(PlanStep step) {
		String direction = direction(step);
		String revision = revision(step);
		this.revision.set(withTenant(Observation.createNotStarted(REVISION, this.registry)
			.parentObservation(this.run.get())
			.contextualName("migrations " + direction + " " + revision)
			.lowCardinalityKeyValue("direction", direction)
			.lowCardinalityKeyValue("instance", this.instance)
			.highCardinalityKeyValue("revision", revision)).start());
	}

	private Observation withTenant(Observation observation) {
		return (this.tenant != null) ? observation.highCardinalityKeyValue("tenant", this.tenant) : observation;
	}

	@Override
	public void afterStep(PlanStep step) {
		stop(this.revision, null);
	}

	@Override
	public void stepFailed(PlanStep step, Throwable failure) {
		stop(this.revision, failure);
	}

	@Override
	public void runEnded(String command, int steps, @Nullable Throwable failure) {
		stop(this.revision, failure); // a failure between steps leaves none open; this is for safety's sake
		stop(this.run, failure);
	}

	private static void stop(ThreadLocal<@Nullable Observation> current, @Nullable Throwable failure) {
		Observation observation = current.get();
		if (observation == null) {
			return;
		}
		current.remove();
		observation.lowCardinalityKeyValue("outcome", (failure != null) ? "failure" : "success");
		if (failure != null) {
			observation.error(failure);
		}
		observation.stop();
	}

	private static String direction(PlanStep step) {
		if (step instanceof MigrationStep migration) {
			return (migration.direction() == Direction.UP) ? "upgrade" : "downgrade";
		}
		return "stamp";
	}

	private static String revision(PlanStep step) {
		if (step instanceof MigrationStep migration) {
			return migration.revision().id();
		}
		return String.join(",", step.headsAfter());
	}

}
