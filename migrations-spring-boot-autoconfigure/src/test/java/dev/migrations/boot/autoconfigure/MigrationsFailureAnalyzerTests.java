package dev.migrations.boot.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.lint.LintReport;
import dev.migrations.lint.Linter;
import dev.migrations.lint.Rule;
import dev.migrations.script.RevisionScript;
import dev.migrations.script.ScriptParser;
import dev.migrations.sql.SqlSyntax;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsFailureAnalyzerTests {

	private final MigrationsFailureAnalyzer analyzer = new MigrationsFailureAnalyzer();

	@Test
	void describesTheFailureWithTheEngineMessageAndHint() {
		MigrationsException cause = new MigrationsException(ErrorKind.REVISION_NOT_FOUND,
				"Can't locate revision identified by 'feedfacecafe'",
				"Run 'migrations stamp --purge <rev>' to set the database to a known revision");
		FailureAnalysis analysis = this.analyzer
			.analyze(new BeanCreationException("migrationsInitializer", "Invocation of init method failed", cause));
		assertThat(analysis.getDescription()).isEqualTo("Can't locate revision identified by 'feedfacecafe'");
		assertThat(analysis.getAction())
			.isEqualTo("Run 'migrations stamp --purge <rev>' to set the database to a known revision\n"
					+ "In this application: migrations.target names the revision to upgrade to; "
					+ "set migrations.on-startup=none to start without touching the database while you repair it");
		assertThat(analysis.getCause()).isSameAs(cause);
	}

	@Test
	void namesThePropertiesThatAnswerMultipleHeads() {
		FailureAnalysis analysis = this.analyzer.analyze(new MigrationsException(ErrorKind.MULTIPLE_HEADS,
				"Multiple head revisions are present for given argument 'head'",
				"Name one head, use 'heads' for all, or join them with 'migrations merge heads -m \"merge\"'"));
		assertThat(analysis.getAction()).isEqualTo(
				"Name one head, use 'heads' for all, or join them with 'migrations merge heads -m \"merge\"'\n"
						+ "In this application: set migrations.target=heads to upgrade every branch, "
						+ "or migrations.target=<revision> for one of them");
	}

	@Test
	void namesTheLockTimeoutProperty() {
		FailureAnalysis analysis = this.analyzer.analyze(new MigrationsException(ErrorKind.LOCK,
				"Timed out waiting for the migration lock", "Run the command again"));
		assertThat(analysis.getAction()).isEqualTo("Run the command again\n"
				+ "In this application: raise migrations.lock-wait to wait longer for another instance's run");
	}

	@Test
	void namesTheLockWaitOfTheInstanceThatFailed() {
		RuntimeException failure = MigrationsInstance.failure("reporting", new MigrationsException(ErrorKind.LOCK,
				"Timed out waiting for the migration lock", "Run the command again"));
		FailureAnalysis analysis = this.analyzer.analyze(new BeanCreationException("migrationsInitializer[reporting]",
				"Invocation of init method failed", failure));
		assertThat(analysis.getDescription())
			.isEqualTo("Migration instance 'reporting': Timed out waiting for the migration lock");
		assertThat(analysis.getAction()).isEqualTo("Run the command again\nIn this application: raise "
				+ "migrations.instances.reporting.lock-wait to wait longer for another instance's run");
		assertThat(analysis.getCause()).isSameAs(failure);
	}

	@Test
	void namesTheConnectionKeysOfTheInstanceThatFailed() {
		FailureAnalysis analysis = this.analyzer.analyze(MigrationsInstance.failure("reporting",
				new MigrationsException(ErrorKind.CONNECTION, "Connection refused", "Is the database running?")));
		assertThat(analysis.getAction()).isEqualTo("Is the database running?\nIn this application: check "
				+ "migrations.instances.reporting.url, user and password, or the DataSource bean its data-source "
				+ "names (spring.datasource.url, username and password where it sets neither)");
	}

	@Test
	void readsTheKeysTheEnginesHintNamesAsTheInstancesOwn() {
		FailureAnalysis analysis = this.analyzer.analyze(MigrationsInstance.failure("reporting",
				new MigrationsException(ErrorKind.CHECKSUM, "Checksum mismatch",
						"Restore the applied scripts, or set migrations.validate-checksums=false "
								+ "(spring.datasource.url is the application's)")));
		assertThat(analysis.getAction()).isEqualTo("Restore the applied scripts, or set "
				+ "migrations.instances.reporting.validate-checksums=false "
				+ "(spring.datasource.url is the application's)");
		assertThat(this.analyzer.analyze(MigrationsInstance.failure("reporting",
				new MigrationsException(ErrorKind.SQL, "Revision 3c4d5e6f7081 failed", null))).getAction())
			.isEqualTo("Correct the problem above, or set migrations.instances.reporting.on-startup=none to start "
					+ "without touching the database");
	}

	@Test
	void listsEveryLintErrorWithItsRuleAndNamesTheLintProperty() {
		FailureAnalysis analysis = this.analyzer.analyze(new BeanCreationException("migrationsInitializer",
				"Invocation of init method failed", lintRefused("db/migrations/2_index.sql", """
						CREATE INDEX note_body ON note (body);
						DROP INDEX note_tag;
						""")));
		assertThat(analysis.getDescription()).isEqualTo("""
				Lint found statements unsafe on a live database in the revisions to run, so none ran:
				  db/migrations/2_index.sql:5: error require-concurrent-index-creation: %s
				  db/migrations/2_index.sql:6: error require-concurrent-index-deletion: %s"""
			.formatted(Rule.REQUIRE_CONCURRENT_INDEX_CREATION.message(), Rule.REQUIRE_CONCURRENT_INDEX_DELETION.message()));
		assertThat(analysis.getAction()).isEqualTo("Make the statements safe (docs/lint.md gives the safe way for each "
				+ "rule), or silence a reviewed one with '-- lint: ignore <rule-id> <reason>' on the line before it\n"
				+ "In this application: set migrations.lint=warn to log the findings and upgrade anyway, or "
				+ "migrations.lint=off");
		assertThat(analysis.getCause()).hasMessageStartingWith("Lint found 2 error(s) in the revisions to run, so "
				+ "none ran: db/migrations/2_index.sql:5: error require-concurrent-index-creation: ")
			.hasMessageEndingWith(" (and 1 more)");
	}

	@Test
	void namesTheLintKeyOfTheInstanceWhoseRevisionsLintRefused() {
		FailureAnalysis analysis = this.analyzer.analyze(MigrationsInstance.failure("reporting",
				lintRefused("db/reporting/2_index.sql", "CREATE INDEX note_body ON note (body);\n")));
		assertThat(analysis.getDescription()).isEqualTo("""
				Migration instance 'reporting': Lint found statements unsafe on a live database in the revisions to \
				run, so none ran:
				  db/reporting/2_index.sql:5: error require-concurrent-index-creation: %s"""
			.formatted(Rule.REQUIRE_CONCURRENT_INDEX_CREATION.message()));
		assertThat(analysis.getAction()).endsWith("\nIn this application: set "
				+ "migrations.instances.reporting.lint=warn to log the findings and upgrade anyway, or "
				+ "migrations.instances.reporting.lint=off");
	}

	@Test
	void leavesAHintThatNamesItsPropertyAlone() {
		FailureAnalysis analysis = this.analyzer.analyze(new MigrationsException(ErrorKind.CHECKSUM,
				"Checksum mismatch", "Restore the applied scripts, or set migrations.validate-checksums=false"));
		assertThat(analysis.getAction())
			.isEqualTo("Restore the applied scripts, or set migrations.validate-checksums=false");
	}

	@Test
	void suggestsAnActionWhenTheEngineHasNoHint() {
		FailureAnalysis analysis = this.analyzer
			.analyze(new MigrationsException(ErrorKind.SQL, "Revision 3c4d5e6f7081 failed", null));
		assertThat(analysis.getAction()).isEqualTo(
				"Correct the problem above, or set migrations.on-startup=none to start without touching the database");
	}

	@Test
	void leavesOtherFailuresToOtherAnalyzers() {
		assertThat(this.analyzer.analyze(new IllegalStateException("not ours"))).isNull();
	}

	/** Start-up's lint refusal of revision {@code file}, its upgrade {@code statements} from line 5 on. */
	private static StartupLintException lintRefused(String file, String statements) {
		RevisionScript script = ScriptParser.parse(file, """
				-- Revision ID: b2
				-- Revises: a1

				-- migrate:upgrade
				""" + statements);
		LintReport report = new Linter(SqlSyntax.POSTGRESQL, 18, true).lint(List.of(script));
		return new StartupLintException(report);
	}

}
