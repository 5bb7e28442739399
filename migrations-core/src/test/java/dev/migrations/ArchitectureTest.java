package dev.migrations;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import dev.migrations.graph.Planner;
import dev.migrations.report.RevisionView;
import dev.migrations.script.JavaMigration;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The core's package rules (docs/architecture.md), checked on its compiled main classes: reading scripts, the
 * revision graph and the listings know nothing of databases, the core knows neither Spring nor picocli, and its
 * packages form no cycle. A rule that selects no class fails, so a rule cannot pass for lack of classes.
 */
@AnalyzeClasses(packages = "dev.migrations",
		importOptions = { ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class })
class ArchitectureTest {

	private static final String[] JDBC = { "java.sql..", "javax.sql.." };

	@ArchTest
	static final ArchRule graphAndReportKnowNoDatabase = noClasses().that()
		.resideInAnyPackage("dev.migrations.graph..", "dev.migrations.report..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(JDBC);

	/**
	 * A Java migration is handed the connection it runs on, so its interface (and the reflection that asks whether
	 * it overrides {@code downgrade}) names {@code java.sql.Connection}; nothing else in {@code script} may.
	 */
	@ArchTest
	static final ArchRule scriptsKnowNoDatabase = noClasses().that()
		.resideInAPackage("dev.migrations.script..")
		.and(not(belongToAnyOf(JavaMigration.class)))
		.and()
		.doNotHaveFullyQualifiedName("dev.migrations.script.JavaMigrations")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(JDBC);

	@ArchTest
	static final ArchRule coreKnowsNeitherSpringNorPicocli = noClasses().that()
		.resideInAPackage("dev.migrations..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "picocli..");

	/**
	 * Cycles among the subpackages. {@code Planner} still builds the listings' {@code RevisionView}, until the
	 * listings move to {@code report}.
	 */
	@ArchTest
	static final ArchRule subpackagesFormNoCycle = slices().matching("dev.migrations.(*)..")
		.should()
		.beFreeOfCycles()
		.ignoreDependency(type(Planner.class), type(RevisionView.class));

	/**
	 * The root package holds the facade alone ({@code Migrations}, its {@code NewRevision} request and the
	 * {@code DriverManagerDataSource} it offers), which uses the subpackages and is used by none of them. With the
	 * rule above, the core has no package cycle.
	 */
	@ArchTest
	static final ArchRule subpackagesDoNotUseTheFacade = noClasses().that()
		.resideInAPackage("dev.migrations.*..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("dev.migrations");

}
