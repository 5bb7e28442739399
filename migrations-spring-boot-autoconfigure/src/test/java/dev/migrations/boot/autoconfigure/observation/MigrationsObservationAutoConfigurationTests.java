package dev.migrations.boot.autoconfigure.observation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.migrations.Migrations;
import dev.migrations.boot.autoconfigure.MigrationsAutoConfiguration;
import dev.migrations.boot.autoconfigure.tenants.MigrationsTenantsAutoConfiguration;
import dev.migrations.testing.H2Database;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The observations of the start-up upgrade, as Micrometer's test registry records them: one {@code migrations.run}
 * and one {@code migrations.revision} per revision, with their keys, the failure's outcome and error, and the gauge of
 * pending revisions.
 */
class MigrationsObservationAutoConfigurationTests {

	private final TestObservationRegistry observations = TestObservationRegistry.create();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class,
				MigrationsObservationAutoConfiguration.class))
		.withBean(ObservationRegistry.class, () -> this.observations);

	@TempDir
	Path failingScripts;

	private H2Database database;

	@BeforeEach
	void createDatabase() {
		this.database = H2Database.create("boot_observed", H2Database.Mode.DEFAULT);
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	private ApplicationContextRunner onTheDatabase() {
		return this.contextRunner.withPropertyValues("spring.datasource.url=" + this.database.jdbcUrl(),
				"spring.datasource.username=sa");
	}

	@Test
	void observesTheRunAndEachRevision() {
		onTheDatabase().run((context) -> {
			assertThat(context).hasNotFailed();
			TestObservationRegistryAssert.assertThat(this.observations)
				.hasNumberOfObservationsWithNameEqualTo(ObservingMigrationListener.RUN, 1)
				.hasNumberOfObservationsWithNameEqualTo(ObservingMigrationListener.REVISION, 2)
				.forAllObservationsWithNameEqualTo(ObservingMigrationListener.RUN,
						(run) -> run.hasLowCardinalityKeyValue("direction", "upgrade")
							.hasLowCardinalityKeyValue("outcome", "success")
							.hasLowCardinalityKeyValue("instance", "default")
							.doesNotHaveError())
				.forAllObservationsWithNameEqualTo(ObservingMigrationListener.REVISION,
						(revision) -> revision.hasLowCardinalityKeyValue("direction", "upgrade")
							.hasLowCardinalityKeyValue("outcome", "success")
							.hasLowCardinalityKeyValue("instance", "default")
							.hasHighCardinalityKeyValueWithKey("revision")
							.hasParentObservationContextSatisfying(
									(parent) -> assertThat(((Observation.ContextView) parent).getName())
									.isEqualTo(ObservingMigrationListener.RUN)));
			assertThat(revisions()).containsExactly("1a2b3c4d5e6f", "2b3c4d5e6f70");
			TestObservationRegistryAssert.assertThat(this.observations)
				.hasObservationWithNameEqualTo(ObservingMigrationListener.RUN)
				.that()
				.hasBeenStarted()
				.hasBeenStopped();

			this.observations.clear();
			context.getBean(Migrations.class).downgrade("-1");
			TestObservationRegistryAssert.assertThat(this.observations)
				.hasNumberOfObservationsWithNameEqualTo(ObservingMigrationListener.REVISION, 1)
				.forAllObservationsWithNameEqualTo(ObservingMigrationListener.REVISION,
						(revision) -> revision.hasLowCardinalityKeyValue("direction", "downgrade")
							.hasHighCardinalityKeyValue("revision", "2b3c4d5e6f70"));
		});
	}

	@Test
	void aFailingRevisionEndsInTheFailureOutcomeWithItsError() throws Exception {
		Files.writeString(this.failingScripts.resolve("1_good.sql"), "-- Revision ID: aaaa11112222\n-- Revises:\n"
				+ "-- Message: good\n\n-- migrate:upgrade\nCREATE TABLE good (id int);\n");
		Files.writeString(this.failingScripts.resolve("2_bad.sql"), "-- Revision ID: bbbb33334444\n"
				+ "-- Revises: aaaa11112222\n-- Message: bad\n\n-- migrate:upgrade\nINSERT INTO nosuch VALUES (1);\n");
		onTheDatabase().withPropertyValues("migrations.locations=filesystem:" + this.failingScripts)
			.run((context) -> {
				assertThat(context).hasFailed();
				TestObservationRegistryAssert.assertThat(this.observations)
					.hasNumberOfObservationsWithNameEqualTo(ObservingMigrationListener.REVISION, 2)
					.forAllObservationsWithNameEqualTo(ObservingMigrationListener.RUN,
							(run) -> run.hasLowCardinalityKeyValue("outcome", "failure")
								.hasError());
				assertThat(contexts(ObservingMigrationListener.REVISION)).satisfiesExactly(
						(good) -> assertThat(good.getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("success"),
						(bad) -> {
							assertThat(bad.getHighCardinalityKeyValue("revision").getValue()).isEqualTo("bbbb33334444");
							assertThat(bad.getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("failure");
							assertThat(bad.getError()).hasMessageContaining("NOSUCH");
						});
			});
	}

	@Test
	void eachTenantsRunsCarryItsIdAsAHighCardinalityKey() {
		onTheDatabase().withConfiguration(AutoConfigurations.of(MigrationsTenantsAutoConfiguration.class))
			.withPropertyValues("migrations.tenants.ids=alpha,beta", "migrations.tenants.parallelism=1")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(tenants(ObservingMigrationListener.RUN)).containsExactlyInAnyOrder("alpha", "beta");
				assertThat(tenants(ObservingMigrationListener.REVISION)).containsExactlyInAnyOrder("alpha", "alpha",
						"beta", "beta");
				assertThat(contexts(ObservingMigrationListener.RUN)).filteredOn(
						(run) -> run.getHighCardinalityKeyValue("tenant") == null)
					.singleElement()
					.satisfies((own) -> assertThat(own.getLowCardinalityKeyValue("instance").getValue())
						.isEqualTo("default"));
			});
	}

	@Test
	void theGaugeShowsThePendingRevisionsLastSeen() {
		onTheDatabase().run((context) -> {
			MeterRegistry meters = new SimpleMeterRegistry();
			context.getBean(MeterBinder.class).bindTo(meters);
			assertThat(meters.get("migrations.pending").tag("instance", "default").gauge().value()).isZero();
		});
	}

	@Test
	void backsOffWithoutMicrometer() {
		onTheDatabase().withClassLoader(new FilteredClassLoader(ObservationRegistry.class)).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(MeterBinder.class);
			TestObservationRegistryAssert.assertThat(this.observations).doesNotHaveAnyObservation();
		});
	}

	/** The tenant key of each observation of that name that has one. */
	private List<String> tenants(String name) {
		return contexts(name).stream()
			.map((context) -> context.getHighCardinalityKeyValue("tenant"))
			.filter(Objects::nonNull)
			.map(KeyValue::getValue)
			.toList();
	}

	private List<Observation.Context> contexts(String name) {
		List<Observation.Context> found = new ArrayList<>();
		TestObservationRegistryAssert.assertThat(this.observations)
			.hasHandledContextsThatSatisfy((contexts) -> contexts.stream()
				.filter((context) -> context.getName().equals(name))
				.forEach(found::add));
		return found;
	}

	private List<String> revisions() {
		return contexts(ObservingMigrationListener.REVISION).stream()
			.map((context) -> context.getHighCardinalityKeyValue("revision"))
			.map(KeyValue::getValue)
			.toList();
	}

}
