package dev.migrations.test;

import java.util.List;

import javax.sql.DataSource;

import dev.migrations.Migrations;
import dev.migrations.config.MigrationsConfig;
import dev.migrations.execute.LoadedScripts;
import dev.migrations.graph.MigrationStep;
import dev.migrations.graph.Revision;
import dev.migrations.graph.Target;
import dev.migrations.report.Listings;
import dev.migrations.report.RevisionView;
import dev.migrations.script.RevisionScript;

/**
 * The scripts the checks run, loaded and validated once, and an engine on any test database that reuses them.
 *
 * @param config the engine's configuration
 * @param loaded the scripts and their graph
 */
record ScriptsUnderTest(MigrationsConfig config, LoadedScripts loaded) {

	static ScriptsUnderTest load(MigrationsConfig config) {
		return new ScriptsUnderTest(config, new Migrations(config, null).scripts());
	}

	/** The engine on a database, with these scripts. */
	Migrations on(DataSource dataSource) {
		return new Migrations(this.config, dataSource, (asked) -> this.loaded);
	}

	/** Every revision from base to the heads, in the order {@code upgrade heads} runs them, with the rows around each. */
	List<MigrationStep> upgradeOrder() {
		return this.loaded.planner()
			.upgrade(List.of(), Target.HEADS)
			.steps()
			.stream()
			.map(MigrationStep.class::cast)
			.toList();
	}

	List<String> heads() {
		return Listings.of(this.loaded.graph()).heads(false).stream().map(RevisionView::id).toList();
	}

	/** The one revision an id or unique prefix names, for the revisions a test names itself. */
	String resolve(String revision) {
		List<RevisionView> named = Listings.of(this.loaded.graph()).show(Target.parse(revision), List.of());
		if (named.size() != 1) {
			throw new IllegalArgumentException("'" + revision + "' names " + named.size() + " revisions in "
					+ this.config.locations() + "; name one revision id");
		}
		return named.get(0).id();
	}

	RevisionScript script(String id) {
		return this.loaded.script(id);
	}

	/** A revision as messages name it: its id and its file. */
	String describe(String id) {
		return id + " (" + script(id).location() + ")";
	}

	/** A revision as test names show it: its id and message, as Alembic's lines do. */
	static String title(Revision revision) {
		return revision.message().isEmpty() ? revision.id() : revision.id() + ", " + revision.message();
	}

}
