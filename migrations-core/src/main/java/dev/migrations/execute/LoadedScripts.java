package dev.migrations.execute;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.graph.GraphException;
import dev.migrations.graph.MigrationStep;
import dev.migrations.graph.Plan;
import dev.migrations.graph.PlanStep;
import dev.migrations.graph.Planner;
import dev.migrations.graph.Revision;
import dev.migrations.graph.RevisionGraph;
import dev.migrations.graph.RevisionQueries;
import dev.migrations.script.RevisionScript;

/**
 * The scripts of a configuration, loaded and their graph validated once: what every command starts from.
 *
 * @param scripts the scripts in load order
 * @param byId the scripts by revision id
 * @param planner the planner over their graph
 * @param queries what their graph answers about positions
 */
public record LoadedScripts(List<RevisionScript> scripts, Map<String, RevisionScript> byId, Planner planner,
		RevisionQueries queries) {

	public static LoadedScripts of(List<RevisionScript> scripts) {
		Map<String, RevisionScript> byId = new LinkedHashMap<>();
		for (RevisionScript script : scripts) {
			byId.putIfAbsent(script.id(), script);
		}
		List<Revision> revisions = scripts.stream().map(RevisionScript::revision).toList();
		RevisionGraph graph = RevisionGraph.of(revisions);
		return new LoadedScripts(List.copyOf(scripts), byId, new Planner(graph), new RevisionQueries(graph));
	}

	public RevisionGraph graph() {
		return this.planner.graph();
	}

	public RevisionScript script(String id) {
		RevisionScript script = this.byId.get(id);
		if (script == null) {
			throw new MigrationsException(ErrorKind.REVISION_NOT_FOUND, "No script for revision " + id,
					"Run 'migrations history' to list the revisions the scripts define");
		}
		return script;
	}

	/**
	 * Fails before anything runs, or is rendered, when a downgrade plan crosses a revision without a downgrade
	 * section.
	 */
	public void requireReversible(Plan plan) {
		for (PlanStep step : plan.steps()) {
			if (step instanceof MigrationStep migration) {
				RevisionScript script = script(migration.revision().id());
				if (!script.isReversible()) {
					throw new GraphException(ErrorKind.IRREVERSIBLE,
							"Cannot downgrade revision " + script.id() + " (" + script.location()
									+ "): it has no downgrade section; nothing was run",
							"Downgrade to a target above " + script.id()
									+ ", or add a '-- migrate:downgrade' section to " + script.location());
				}
			}
		}
	}

}
