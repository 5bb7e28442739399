package dev.migrations.test;

import java.util.ArrayList;
import java.util.List;

import org.opentest4j.TestAbortedException;

import dev.migrations.Migrations;
import dev.migrations.graph.MigrationStep;
import dev.migrations.graph.Plan;
import dev.migrations.graph.Planner;
import dev.migrations.graph.Revision;
import dev.migrations.graph.Target;
import dev.migrations.schema.Catalog;
import dev.migrations.script.RevisionScript;

/**
 * The guides' "test both upgrade and downgrade": for every revision in upgrade order, upgrade to it, downgrade that
 * one revision, upgrade to it again, on one database that starts empty. After each downgrade the catalog must equal
 * the catalog before that upgrade, value for value, and after the upgrade run again the catalog of its first run
 * ("downgrade leaves no trace"). A revision without a downgrade section is reported (its step aborted with the
 * reason) unless the team asks for it to fail.
 */
final class StairwayCheck {

	private final ScriptsUnderTest scripts;

	private final CheckDatabase database;

	private final boolean failOnIrreversible;

	private final SchemaTrace trace;

	private Migrations engine;

	/** The catalog as the last step left it: before the next revision's upgrade. */
	private Catalog current;

	private StairwayCheck(ScriptsUnderTest scripts, FreshDatabases databases, boolean failOnIrreversible) {
		this.scripts = scripts;
		this.database = new CheckDatabase(databases, "stairway");
		this.failOnIrreversible = failOnIrreversible;
		this.trace = new SchemaTrace(scripts.config());
	}

	static Check of(ScriptsUnderTest scripts, FreshDatabases databases, boolean failOnIrreversible) {
		StairwayCheck check = new StairwayCheck(scripts, databases, failOnIrreversible);
		List<Check.Step> steps = scripts.upgradeOrder()
			.stream()
			.map((step) -> new Check.Step(ScriptsUnderTest.title(step.revision()) + ": upgrade, downgrade, upgrade",
					() -> check.climb(step)))
			.toList();
		return new Check("stairway", steps, check.database);
	}

	private void climb(MigrationStep step) {
		Revision revision = step.revision();
		RevisionScript script = this.scripts.script(revision.id());
		String described = this.scripts.describe(revision.id());
		if (this.engine == null) {
			this.engine = this.scripts.on(this.database.dataSource());
			this.current = this.trace.read(this.database.dataSource());
		}
		Catalog beforeUpgrade = this.current;
		run("upgrade of " + described, () -> this.engine.upgrade(revision.id()));
		Catalog afterUpgrade = this.trace.read(this.database.dataSource());
		this.current = afterUpgrade;
		if (!script.isReversible()) {
			String note = "Revision " + described + " is irreversible (no '-- migrate:downgrade' section): "
					+ "its upgrade ran, its downgrade is not tested";
			if (this.failOnIrreversible) {
				throw new AssertionError(note + ". Add a downgrade section, or let the stairway report irreversible "
						+ "revisions (failOnIrreversible(false))");
			}
			throw new TestAbortedException(note);
		}
		String down = oneStepDown(step);
		run("downgrade of " + described, () -> this.engine.downgrade(down));
		requireNone("downgrade of " + described + " ",
				SchemaTrace.leftByDowngrade(beforeUpgrade, this.trace.read(this.database.dataSource())));
		run("re-upgrade of " + described + " (after its downgrade)", () -> this.engine.upgrade(revision.id()));
		this.current = this.trace.read(this.database.dataSource());
		requireNone("re-upgrade of " + described + " (after its downgrade) ",
				SchemaTrace.changedByReupgrade(afterUpgrade, this.current));
	}

	/** "Downgrade leaves no trace": the differences found, if any, fail the step. */
	private static void requireNone(String what, List<String> differences) {
		if (!differences.isEmpty()) {
			throw new AssertionError(what + String.join("; ", differences));
		}
	}

	private static void run(String what, Runnable command) {
		try {
			command.run();
		}
		catch (RuntimeException ex) {
			throw Failures.failed(what, ex);
		}
	}

	/**
	 * The downgrade target that takes this one revision down and nothing else, as Alembic's {@code downgrade -1} on
	 * its branch does. Targets are tried on the planner alone; one it refuses is no candidate.
	 */
	private String oneStepDown(MigrationStep step) {
		Revision revision = step.revision();
		List<String> candidates = new ArrayList<>();
		candidates.add(revision.id() + "@-1");
		candidates.add(revision.id() + "-1");
		candidates.addAll(revision.downRevisions());
		candidates.add("base");
		Planner planner = this.scripts.loaded().planner();
		for (String candidate : candidates) {
			if (takesDownOnly(planner, step, candidate)) {
				return candidate;
			}
		}
		throw new AssertionError("No downgrade target takes " + this.scripts.describe(revision.id())
				+ " down alone from " + String.join(", ", step.headsAfter()) + " (tried " + String.join(", ", candidates)
				+ ")");
	}

	private static boolean takesDownOnly(Planner planner, MigrationStep step, String target) {
		Plan plan;
		try {
			plan = planner.downgrade(step.headsAfter(), Target.parse(target));
		}
		catch (RuntimeException refused) {
			return false;
		}
		return plan.steps().size() == 1 && plan.steps().get(0) instanceof MigrationStep down
				&& down.revision().id().equals(step.revision().id())
				&& plan.headsAfter().stream().sorted().toList().equals(step.headsBefore().stream().sorted().toList());
	}

}
