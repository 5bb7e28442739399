package dev.migrations;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import dev.migrations.script.JavaMigration;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
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

	/** No cycles among the subpackages: the graph plans, and the listings built on it live in {@code report}. */
	@ArchTest
	static final ArchRule subpackagesFormNoCycle = slices().matching("dev.migrations.(*)..")
		.should()
		.beFreeOfCycles();

	@ArchTest
	static final ArchRule graphKnowsNothingOfReports = noClasses().that()
		.resideInAPackage("dev.migrations.graph..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("dev.migrations.report..");

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

	/** The graph reads as short steps: no method takes more than four parameters (a record or an enum instead). */
	@ArchTest
	static final ArchRule graphMethodsTakeAtMostFourParameters = methods().that()
		.areDeclaredInClassesThat()
		.resideInAPackage("dev.migrations.graph..")
		.and()
		.doNotHaveModifier(JavaModifier.SYNTHETIC)
		.should(new ArchCondition<JavaMethod>("take at most 4 parameters") {

			@Override
			public void check(JavaMethod method, ConditionEvents events) {
				int count = method.getRawParameterTypes().size();
				events.add(new SimpleConditionEvent(method, count <= 4,
						method.getFullName() + " takes " + count + " parameters"));
			}

		});

	/**
	 * No method of the graph spans more than 50 lines of code, counted on the compiled class from its first line
	 * with code to its last line that calls or reads something (the lines of its lambdas are their own).
	 */
	@ArchTest
	static final ArchRule graphMethodsAreShort = methods().that()
		.areDeclaredInClassesThat()
		.resideInAPackage("dev.migrations.graph..")
		.and()
		.doNotHaveModifier(JavaModifier.SYNTHETIC)
		.should(new ArchCondition<JavaMethod>("span at most 50 lines of code") {

			@Override
			public void check(JavaMethod method, ConditionEvents events) {
				int first = method.getSourceCodeLocation().getLineNumber();
				int last = method.getAccessesFromSelf()
					.stream()
					.mapToInt(JavaAccess::getLineNumber)
					.max()
					.orElse(first);
				int lines = last - first + 1;
				events.add(new SimpleConditionEvent(method, lines <= 50,
						method.getFullName() + " spans " + lines + " lines (" + method.getSourceCodeLocation() + ")"));
			}

		})
		.allowEmptyShould(false);

}
