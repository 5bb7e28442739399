package dev.migrations.graph;

import java.util.ArrayList;
import java.util.List;

import dev.migrations.conformance.Scenario;
import dev.migrations.conformance.ScenarioEngine;
import dev.migrations.conformance.ScenarioRevision;
import dev.migrations.report.Listings;
import dev.migrations.report.RevisionView;

/**
 * The graph's side of a scenario, without a database: the version rows are a list, commands run as plans on it,
 * and the listings are the report's. Lets the graph's semantics be checked against the whole corpus in milliseconds.
 */
final class PlannerEngine implements ScenarioEngine {

	private final Scenario scenario;

	private List<String> rows = new ArrayList<>();

	PlannerEngine(Scenario scenario) {
		this.scenario = scenario;
	}

	private Planner planner() {
		List<Revision> revisions = new ArrayList<>();
		for (ScenarioRevision revision : this.scenario.revisions()) {
			revisions.add(new Revision(revision.id(), revision.down(), revision.dependsOn(), revision.branchLabels(),
					revision.message(), revision.sqlFileName()));
		}
		return new Planner(RevisionGraph.of(revisions));
	}

	@Override
	public List<String> rows() {
		return List.copyOf(this.rows);
	}

	@Override
	public void plantRows(List<String> rows) {
		this.rows = new ArrayList<>(rows);
	}

	@Override
	public List<String> upgrade(String target) {
		return run(planner().upgrade(this.rows, Target.parse(target)));
	}

	@Override
	public List<String> downgrade(String target) {
		return run(planner().downgrade(this.rows, Target.parse(target)));
	}

	@Override
	public List<String> stamp(List<String> targets, boolean purge) {
		Planner planner = planner();
		return run(planner.stamp(purge ? List.of() : this.rows, targets.stream().map(Target::parse).toList()));
	}

	private List<String> run(Plan plan) {
		this.rows = new ArrayList<>(plan.headsAfter());
		return plan.steps().stream().map(PlanStep::describe).toList();
	}

	private Listings listings() {
		return Listings.of(planner().graph());
	}

	@Override
	public List<RevisionView> current() {
		return listings().current(this.rows);
	}

	@Override
	public List<RevisionView> heads(boolean resolveDependencies) {
		return listings().heads(resolveDependencies);
	}

	@Override
	public List<RevisionView> branches() {
		return listings().branches();
	}

	@Override
	public List<RevisionView> history(String range, boolean indicateCurrent) {
		return listings().history((range == null) ? Target.Range.ALL : Target.parseRange(range), this.rows,
				indicateCurrent);
	}

	@Override
	public List<RevisionView> show(String revision) {
		return listings().show(Target.parse(revision), this.rows);
	}

}
