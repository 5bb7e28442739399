package dev.migrations.settings;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** The keys an instance takes, and the one line that refuses any other. */
class MigrationInstanceKeysTest {

	private static final String TAKEN = "enabled, data-source, order, on-startup, target, lint, create-database, url, "
			+ "user, password, locations, schema, create-schemas, version-table, history-table, transaction-mode, "
			+ "lock-wait, lock-timeout, statement-lock-timeout, statement-timeout, lock-retries, reconnect, "
			+ "validate-checksums, entity-packages";

	@Test
	void anInstanceTakesTheStartersKeysAndTheEngineOptions() {
		assertThat(String.join(", ", MigrationInstanceKeys.taken())).isEqualTo(TAKEN);
		assertThat(MigrationInstanceKeys.takes("lock-wait")).isTrue();
		assertThat(MigrationInstanceKeys.takes("data-source")).isTrue();
		assertThat(MigrationInstanceKeys.takes("locations[0]")).as("a list's item").isTrue();
		assertThat(MigrationInstanceKeys.takes("locaitons")).isFalse();
		assertThat(MigrationInstanceKeys.takes("mode")).isFalse();
		assertThat(MigrationInstanceKeys.takes("ui.enabled")).isFalse();
		assertThat(MigrationInstanceKeys.takes("lock-wait.extra")).isFalse();
	}

	@Test
	void theKeysAnInstanceTakesPass() {
		assertThatNoException().isThrownBy(() -> MigrationInstanceKeys.check("reporting",
				List.of("migrations.instances.reporting.url", "migrations.instances.reporting.locations[1]",
						"migrations.instances.reporting.lock-wait", "migrations.instances.reporting.order")));
	}

	@Test
	void aMisspeltKeyIsRefusedNamingItAndTheKeysThereAre() {
		assertThatExceptionOfType(MigrationsException.class)
			.isThrownBy(() -> MigrationInstanceKeys.check("reporting",
					List.of("migrations.instances.reporting.url", "migrations.instances.reporting.locaitons")))
			.satisfies((refusal) -> {
				assertThat(refusal.kind()).isEqualTo(ErrorKind.CONFIG);
				assertThat(refusal).hasMessage("Unknown instance setting migrations.instances.reporting.locaitons");
				assertThat(refusal.hint())
					.isEqualTo("An instance takes migrations.instances.reporting.<key> for the keys " + TAKEN);
			});
	}

	@Test
	void anApplicationWideKeyIsRefusedNamingTheKeyToSetInstead() {
		assertRefusal("migrations.instances.reporting.mode",
				"migrations.instances.reporting.mode is not an instance's setting: the run mode is the whole "
						+ "application's",
				"Set migrations.mode instead, and remove migrations.instances.reporting.mode");
		assertRefusal("migrations.instances.reporting.ui.path",
				"migrations.instances.reporting.ui.path is not an instance's setting: the operators' page is the "
						+ "whole application's",
				"Set migrations.ui.path instead, and remove migrations.instances.reporting.ui.path");
		assertRefusal("migrations.instances.reporting.tenants.ids[0]",
				"migrations.instances.reporting.tenants.ids[0] is not an instance's setting: the tenants are the "
						+ "whole application's",
				"Set migrations.tenants.ids[0] instead, and remove migrations.instances.reporting.tenants.ids[0]");
		assertRefusal("migrations.instances.reporting.instances.audit.url",
				"migrations.instances.reporting.instances.audit.url is not an instance's setting: the migration sets "
						+ "are declared at the top level",
				"Set migrations.instances.audit.url instead, and remove "
						+ "migrations.instances.reporting.instances.audit.url");
	}

	@Test
	void theKeysOfOtherInstancesAndOfTheDefaultSetAreNotChecked() {
		assertThatNoException().isThrownBy(() -> MigrationInstanceKeys.check("reporting",
				List.of("migrations.mode", "migrations.locaitons", "migrations.instances.audit.locaitons",
						"migrations.instances.reporting-eu.mode", "migrations.instances.reporting")));
	}

	private static void assertRefusal(String key, String message, String hint) {
		assertThatExceptionOfType(MigrationsException.class)
			.isThrownBy(() -> MigrationInstanceKeys.check("reporting", List.of(key)))
			.satisfies((refusal) -> {
				assertThat(refusal).hasMessage(message);
				assertThat(refusal.hint()).isEqualTo(hint);
			});
	}

}
