package dev.migrations.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --instance <name>} through the built jar: the command works on the migration set
 * {@code migrations.instances.<name>.*} of the project's configuration, its own database, locations and tables,
 * and leaves the default set alone; an unknown name is one line naming the known ones, and so is a key the instance
 * does not take, worded as the application's start-up refuses it.
 */
class CommandLineInstancesIT {

	@TempDir
	Path directory;

	private MigrationsJar migrations;

	@BeforeEach
	void project() throws IOException {
		Path resources = Files.createDirectories(this.directory.resolve("src/main/resources"));
		Files.writeString(resources.resolve("application.yml"), """
				spring:
				  datasource:
				    url: jdbc:h2:file:%1$s/app
				migrations:
				  instances:
				    reporting:
				      url: jdbc:h2:file:%1$s/reporting
				      locations: classpath:db/reporting
				      version-table: reporting_version
				      history-table: reporting_history
				    audit:
				      url: jdbc:h2:file:%1$s/audit
				""".formatted(this.directory.toAbsolutePath().toString().replace('\\', '/')));
		new Scripts(resources.resolve("db/migrations")).revision("1_app.sql", "a1a1a1a1a1a1", "");
		new Scripts(resources.resolve("db/reporting")).revision("1_reporting.sql", "b1b1b1b1b1b1", "");
		new Scripts(resources.resolve("db/reporting")).revision("2_reporting.sql", "b2b2b2b2b2b2", "b1b1b1b1b1b1");
		this.migrations = MigrationsJar.in(this.directory);
	}

	@Test
	void anInstanceIsUpgradedDowngradedAndReadOnItsOwn() {
		MigrationsJar.Result upgraded = this.migrations.run("upgrade", "--instance", "reporting");
		assertThat(upgraded.exitCode()).as(upgraded.toString()).isZero();
		assertThat(upgraded.lines()).containsExactly("Running upgrade  -> b1b1b1b1b1b1, revision b1b1b1b1b1b1",
				"Running upgrade b1b1b1b1b1b1 -> b2b2b2b2b2b2, revision b2b2b2b2b2b2");
		assertThat(this.migrations.run("current", "--instance", "reporting").lines())
			.containsExactly("b2b2b2b2b2b2 (head)");
		assertThat(this.migrations.run("current").lines()).as("the default set is not touched").isEmpty();

		MigrationsJar.Result defaultSet = this.migrations.run("upgrade");
		assertThat(defaultSet.lines()).containsExactly("Running upgrade  -> a1a1a1a1a1a1, revision a1a1a1a1a1a1");

		MigrationsJar.Result downgraded = this.migrations.run("downgrade", "-1", "--instance", "reporting");
		assertThat(downgraded.exitCode()).as(downgraded.toString()).isZero();
		assertThat(downgraded.lines())
			.containsExactly("Running downgrade b2b2b2b2b2b2 -> b1b1b1b1b1b1, revision b2b2b2b2b2b2");
		assertThat(this.migrations.run("current", "--instance", "reporting").lines()).containsExactly("b1b1b1b1b1b1");
		assertThat(this.migrations.run("current").lines()).containsExactly("a1a1a1a1a1a1 (head)");
	}

	/** Working on the default set or another instance, the command reads none of the misspelt key's instance. */
	@Test
	void aKeyTheInstanceDoesNotTakeFailsItsCommandsInOneLineAndLeavesTheOthersAlone() throws IOException {
		MigrationsJar.Result refused = refusedWith("migrations.instances.audit.locaitons=classpath:db/audit",
				"upgrade", "--instance", "audit");
		assertThat(refused.errorLines()).containsExactly(
				"FAILED: Unknown instance setting migrations.instances.audit.locaitons",
				"Hint: An instance takes migrations.instances.audit.<key> for the keys enabled, data-source, order, "
						+ "on-startup, target, lint, create-database, url, user, password, locations, schema, "
						+ "create-schemas, version-table, history-table, transaction-mode, lock-wait, lock-timeout, "
						+ "statement-lock-timeout, statement-timeout, lock-retries, reconnect, validate-checksums, "
						+ "entity-packages");

		MigrationsJar.Result reporting = this.migrations.run("upgrade", "--instance", "reporting");
		assertThat(reporting.exitCode()).as(reporting.toString()).isZero();
		MigrationsJar.Result defaultSet = this.migrations.run("upgrade");
		assertThat(defaultSet.exitCode()).as(defaultSet.toString()).isZero();
		assertThat(defaultSet.lines()).containsExactly("Running upgrade  -> a1a1a1a1a1a1, revision a1a1a1a1a1a1");
	}

	@Test
	void anApplicationWideKeyUnderAnInstanceNamesTheKeyToSetInstead() throws IOException {
		MigrationsJar.Result refused = refusedWith("migrations.instances.reporting.mode=job", "current", "--instance",
				"reporting");
		assertThat(refused.errorLines()).containsExactly(
				"FAILED: migrations.instances.reporting.mode is not an instance's setting: the run mode is the whole "
						+ "application's",
				"Hint: Set migrations.mode instead, and remove migrations.instances.reporting.mode");
	}

	@Test
	void anUnknownInstanceIsOneLineNamingTheKnownOnes() {
		MigrationsJar.Result unknown = this.migrations.run("current", "--instance", "reports");
		assertThat(unknown.exitCode()).as(unknown.toString()).isNotZero();
		assertThat(unknown.errorLines()).first()
			.isEqualTo("FAILED: Unknown instance 'reports' (known instances: audit, reporting)");
	}

	/** The command run with {@code property} added to the project's configuration, failed with exit status 1. */
	private MigrationsJar.Result refusedWith(String property, String... args) throws IOException {
		Files.writeString(this.directory.resolve("src/main/resources/application.properties"), property + "\n");
		MigrationsJar.Result refused = this.migrations.run(args);
		assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
		return refused;
	}

}
