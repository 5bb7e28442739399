package dev.migrations.boot.autoconfigure.integration;

import dev.migrations.error.MigrationsException;
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

	@Test
	void aRevisionLeftPartlyAppliedSaysSoThenStopsTheNextStartupUntilRepaired(CapturedOutput output) {
		try (PostgresDatabase partial = PostgresDatabase.create("boot_partial")) {
			MigrationsException failure = migrationsException(catchThrowable(() -> start(partial, "db/partial")));
			String file = "db/partial/0002_fill_missing_table.sql";
			assertThat(failure.getMessage()).startsWith(file + ":8: ")
				.endsWith("; NOT rolled back: the statement at " + file
						+ ":7 had run and stays applied (the revision runs outside a transaction)");
			assertThat(failure.hint()).isEqualTo("Undo what the statement at " + file + ":7 did, run 'migrations "
					+ "repair', then fix the statement in " + file + " and run the command again (or complete the "
					+ "revision by hand and run 'migrations stamp 3c4d5e6f7081')");
			assertThat(output).contains("Description:\n\n" + failure.getMessage() + "\n")
				.contains("Action:\n\n" + failure.hint() + "\n");
			JdbcTemplate jdbc = new JdbcTemplate(partial.dataSource());
			assertThat(jdbc.queryForList("SELECT body FROM note", String.class)).containsExactly("first");

			MigrationsException refused = migrationsException(catchThrowable(() -> start(partial, "db/partial")));
			assertThat(refused.getMessage()).matches("Revision 3c4d5e6f7081 \\(" + file + "\\) was left partly "
					+ "applied by its failed upgrade at .* UTC: the statement at " + file + ":7 ran and stayed applied "
					+ "\\(the revision runs outside a transaction\\); " + file + ":8 failed; no revision runs until "
					+ "this is fixed");
			assertThat(refused.hint()).contains("'migrations repair'", "'migrations stamp 3c4d5e6f7081'");
			assertThat(output).contains("Description:\n\n" + refused.getMessage() + "\n");
			assertThat(jdbc.queryForList("SELECT body FROM note", String.class)).containsExactly("first");
		}
	}

	private static void start(PostgresDatabase database, String location) {
		new SpringApplicationBuilder(NotesApplication.class).web(WebApplicationType.NONE)
			.properties("spring.datasource.url=" + database.jdbcUrl(), "spring.datasource.username=" + database.user(),
					"spring.jpa.hibernate.ddl-auto=none", "migrations.locations=classpath:" + location)
			.run()
			.close();
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
