package dev.migrations.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.maven.entities.billing.Invoice;
import dev.migrations.maven.entities.reporting.Report;
import dev.migrations.testing.H2Database;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code -Dmigrations.instance} and the entity packages of contract §8, on a project with two migration sets, each
 * on an H2 database of its own with its own scripts and its own package of entities: a goal works on the set the
 * instance names as the command line's {@code --instance} does, and {@code revision} and {@code check} compare that
 * set's entities only.
 */
class InstanceGoalsTest {

	private static final String BILLING_ENTITIES = "dev.migrations.maven.entities.billing";

	private static final String REPORTING_ENTITIES = "dev.migrations.maven.entities.reporting";

	@TempDir
	Path project;

	private H2Database billing;

	private H2Database reporting;

	private Path classes;

	@BeforeEach
	void twoSets() throws IOException {
		this.billing = H2Database.create("plugin_billing", H2Database.Mode.POSTGRESQL);
		this.reporting = H2Database.create("plugin_reporting", H2Database.Mode.POSTGRESQL);
		this.classes = ProjectClasses.compiled(this.project, Invoice.class, Report.class);
		Files.createDirectories(scripts("billing"));
		Files.createDirectories(scripts("reporting"));
		Files.writeString(this.project.resolve("src/main/resources/application.properties"), """
				migrations.instances.billing.url=%s
				migrations.instances.billing.locations=classpath:db/billing
				migrations.instances.billing.entity-packages=%s
				migrations.instances.reporting.url=%s
				migrations.instances.reporting.locations=classpath:db/reporting
				migrations.instances.reporting.version-table=reporting_version
				migrations.instances.reporting.entity-packages=%s
				""".formatted(this.billing.jdbcUrl(), BILLING_ENTITIES, this.reporting.jdbcUrl(), REPORTING_ENTITIES));
	}

	@AfterEach
	void closeDatabases() {
		this.billing.close();
		this.reporting.close();
	}

	@Test
	void upgradeAndCurrentWorkOnTheSetTheInstanceNames() throws IOException {
		Files.writeString(scripts("reporting").resolve("20261206_0100_aaaaaaaaaaaa_create_reports.sql"), """
				-- Revision ID: aaaaaaaaaaaa
				-- Revises:
				-- Message: create reports

				-- migrate:upgrade
				CREATE TABLE report (id bigint PRIMARY KEY);

				-- migrate:downgrade
				DROP TABLE report;
				""");
		assertThat(run(new UpgradeMojo(), "reporting", Map.of("target", "head")).failure()).isNull();
		assertThat(run(new CurrentMojo(), "reporting", Map.of()).info()).isEqualTo("aaaaaaaaaaaa (head)");
		assertThat(run(new CurrentMojo(), "reporting", Map.of("verbose", true)).info())
			.startsWith("Current revision(s) for " + this.reporting.jdbcUrl() + ":\nRev: aaaaaaaaaaaa (head)");
		assertThat(run(new CurrentMojo(), "billing", Map.of()).info()).isEmpty();
		assertThat(run(new CurrentMojo(), null, Map.of()).failure()).hasMessageStartingWith("No database configured");
	}

	@Test
	void anUnknownInstanceFailsEveryGoalNamingTheKnownOnes() {
		for (MigrationsMojo goal : List.of(new UpgradeMojo(), new HeadsMojo(), new RevisionMojo(), new CheckMojo())) {
			GoalRun run = run(goal, "reportng", Map.of());
			assertThat(run.failure().getMessage().lines()).containsExactly(
					"Unknown instance 'reportng' (known instances: billing, reporting)",
					"Hint: Name one of migrations.instances.<name> in application.properties or application.yml");
			assertThat(run.lines()).isEmpty();
		}
	}

	@Test
	void revisionAndCheckCompareTheSetsOwnEntities() throws IOException {
		GoalRun invoices = run(new RevisionMojo(), "billing", Map.of("message", "create invoices"));
		assertThat(invoices.failure()).isNull();
		assertThat(invoices.info()).contains("Detected added table 'invoice'").doesNotContain("report");
		assertThat(Files.readString(onlyScript("billing"))).contains("CREATE TABLE invoice").doesNotContain("report");
		GoalRun reports = run(new RevisionMojo(), "reporting", Map.of("message", "create reports"));
		assertThat(reports.info()).contains("Detected added table 'report'").doesNotContain("invoice");
		assertThat(Files.readString(onlyScript("reporting"))).contains("CREATE TABLE report").doesNotContain("invoice");
		for (String set : List.of("billing", "reporting")) {
			assertThat(run(new UpgradeMojo(), set, Map.of("target", "head")).failure()).isNull();
			GoalRun check = run(new CheckMojo(), set, Map.of());
			assertThat(check.failure()).isNull();
			assertThat(check.info()).isEqualTo("No new upgrade operations detected.");
		}
	}

	@Test
	void theEntityPackagesGivenToTheGoalWinOverTheSets() throws IOException {
		assertThat(run(new RevisionMojo(), "billing", Map.of("message", "create invoices")).failure()).isNull();
		assertThat(run(new UpgradeMojo(), "billing", Map.of("target", "head")).failure()).isNull();
		GoalRun check = run(new CheckMojo(), "billing", Map.of("entityPackages", REPORTING_ENTITIES));
		assertThat(check.info()).contains("Detected added table 'report'", "Detected removed table 'invoice'");
		assertThat(check.failure()).hasMessageStartingWith("New upgrade operations detected: 2 change(s)");
	}

	@Test
	void withoutEntityPackagesEveryEntityIsCompared() throws IOException {
		Files.writeString(this.project.resolve("src/main/resources/application.properties"),
				"spring.datasource.url=" + this.billing.jdbcUrl() + "\n");
		Files.createDirectories(scripts("migrations"));
		GoalRun run = run(new RevisionMojo(), null, Map.of("message", "create both"));
		assertThat(run.failure()).isNull();
		assertThat(run.info()).contains("Detected added table 'invoice'", "Detected added table 'report'");
	}

	@Test
	void anEntityPackageWithoutEntitiesFailsInOneLineNamingItAndTheDirectory() throws IOException {
		String packages = BILLING_ENTITIES + ", dev.migrations.maven.entities.biling";
		GoalRun run = run(new RevisionMojo(), "billing", Map.of("message", "typo", "entityPackages", packages));
		assertThat(run.failure().getMessage().lines()).containsExactly(
				"No JPA entities found: no class annotated @jakarta.persistence.Entity in package "
						+ "dev.migrations.maven.entities.biling under " + this.classes,
				"Hint: Name the packages of the set's @Entity classes (each takes its subpackages), or compile the "
						+ "project first");
		assertThat(scriptFiles("billing")).isEmpty();
		assertThat(run(new CheckMojo(), "reporting", Map.of("entityPackages", "dev/migrations")).failure())
			.hasMessageStartingWith("Invalid entity package 'dev/migrations'\nHint: Write a Java package name");
	}

	/** Runs the goal on the set {@code instance} ({@code null} for the default set) with the project's classes. */
	private GoalRun run(MigrationsMojo goal, String instance, Map<String, Object> parameters) {
		Map<String, Object> given = new HashMap<>(parameters);
		given.put("instance", instance);
		given.put("classpathElements", List.of(this.classes.toString()));
		if (goal instanceof EntityMojo) {
			given.put("classesDirectory", this.classes.toFile());
		}
		if (goal instanceof RevisionMojo) {
			given.put("autogenerate", true);
		}
		return GoalRun.of(goal, this.project, given);
	}

	private Path scripts(String set) {
		return this.project.resolve("src/main/resources/db/" + set);
	}

	private Path onlyScript(String set) throws IOException {
		List<String> files = scriptFiles(set);
		assertThat(files).hasSize(1);
		return scripts(set).resolve(files.get(0));
	}

	private List<String> scriptFiles(String set) throws IOException {
		try (Stream<Path> files = Files.list(scripts(set))) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
	}

}
