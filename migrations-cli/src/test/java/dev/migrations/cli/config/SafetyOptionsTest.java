package dev.migrations.cli.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.config.RunSafety;
import dev.migrations.error.MigrationsException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SafetyOptionsTest {

	private static final SafetyOptions NONE = new SafetyOptions(null, null, null, null);

	private static final GlobalOptions NO_GLOBAL_OPTIONS = new GlobalOptions(null, null, null, null, null, null, null,
			null, null, null);

	@TempDir
	Path project;

	@Test
	void withNothingGivenTheEngineDefaultsHold() {
		assertThat(NONE.resolve(Map.of(), this.project)).isEqualTo(RunSafety.DEFAULTS);
	}

	@Test
	void theProjectsPropertiesFillWhatTheFlagsLeaveOut() throws IOException {
		write("""
				migrations.statement-lock-timeout=1500
				migrations.statement-timeout=2m
				migrations.lock-retries=4
				migrations.reconnect=false
				""");
		assertThat(NONE.resolve(Map.of(), this.project))
			.isEqualTo(new RunSafety(Duration.ofMillis(1500), Duration.ofMinutes(2), 4, false));
		assertThat(new SafetyOptions("2", "0", "10", true).resolve(Map.of(), this.project))
			.isEqualTo(new RunSafety(Duration.ofSeconds(2), Duration.ZERO, 10, true));
	}

	@Test
	void badValuesAreOneLineNamingTheSetting() throws IOException {
		assertThatExceptionOfType(MigrationsException.class)
			.isThrownBy(() -> new SafetyOptions(null, null, "-1", null).resolve(Map.of(), this.project))
			.withMessage("Invalid --lock-retries '-1'");
		assertThatExceptionOfType(MigrationsException.class)
			.isThrownBy(() -> new SafetyOptions("soon", null, null, null).resolve(Map.of(), this.project))
			.withMessage("Invalid duration 'soon' for --statement-lock-timeout");
		write("migrations.reconnect=maybe\n");
		assertThatExceptionOfType(MigrationsException.class)
			.isThrownBy(() -> NONE.resolve(Map.of(), this.project))
			.withMessage("Invalid migrations.reconnect 'maybe' in the project configuration");
	}

	@Test
	void theLockWaitComesFromLockWaitThenItsDeprecatedNameLockTimeout() throws IOException {
		write("migrations.lock-timeout=1500\n");
		assertThat(Settings.resolve(NO_GLOBAL_OPTIONS, Map.of(), this.project).lockTimeout())
			.isEqualTo(Duration.ofMillis(1500));
		write("migrations.lock-timeout=1500\nmigrations.lock-wait=2500\n");
		assertThat(Settings.resolve(NO_GLOBAL_OPTIONS, Map.of(), this.project).lockTimeout())
			.isEqualTo(Duration.ofMillis(2500));
	}

	private void write(String properties) throws IOException {
		Path resources = this.project.resolve("src/main/resources");
		Files.createDirectories(resources);
		Files.writeString(resources.resolve("application.properties"), properties);
	}

}
