package dev.migrations.boot.autoconfigure.integration;

import dev.migrations.MigrationsException;
import dev.migrations.testing.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A revision that fails on PostgreSQL stops the start-up with the engine's cause and hint, not a stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class FailingRevisionTests {

	private static PostgresDatabase database;

	@BeforeAll
	static void createDatabase() {
		database = PostgresDatabase.create("boot_failing");
	}

	@AfterAll
	static void dropDatabase() {
		database.close();
	}

	@Test
	void startupStopsWithTheCauseAndTheHint(CapturedOutput output) {
		Throwable thrown = catchThrowable(() -> new SpringApplicationBuilder(NotesApplication.class)
			.web(WebApplicationType.NONE)
			.properties("spring.datasource.url=" + database.jdbcUrl(), "spring.datasource.username=" + database.user(),
					"spring.jpa.hibernate.ddl-auto=none", "migrations.locations=classpath:db/failing")
			.run());
		MigrationsException failure = migrationsException(thrown);
		assertThat(failure.getMessage()).contains("0002_fill_missing_table.sql", "missing_table");
		assertThat(output).contains("Description:\n\n" + failure.getMessage() + "\n")
			.contains("Action:\n\n" + failure.hint() + "\n")
			.doesNotContain("Application run failed");
		assertThat(new JdbcTemplate(database.dataSource()).queryForList("SELECT version_num FROM migrations_version",
				String.class))
			.containsExactly("1a2b3c4d5e6f");
	}

	private static MigrationsException migrationsException(Throwable thrown) {
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			if (cause instanceof MigrationsException migrationsException) {
				return migrationsException;
			}
		}
		throw new AssertionError("Start-up did not fail on migrations", thrown);
	}

}
