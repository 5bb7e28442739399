package dev.migrations.test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrations.Migrations;
import dev.migrations.graph.MigrationStep;

/**
 * From an empty database to every head, one revision at a time in upgrade order; after each revision's upgrade, the
 * rows seeded at it go in and the checks of the data at it run, so that a data migration meets data.
 */
final class UpgradeCheck {

	private final ScriptsUnderTest scripts;

	private final CheckDatabase database;

	/** The data work by resolved revision id, in the order the test declared it. */
	private final Map<String, List<DataAtRevision>> data = new LinkedHashMap<>();

	private final List<String> seeded = new ArrayList<>();

	private Migrations engine;

	private UpgradeCheck(ScriptsUnderTest scripts, FreshDatabases databases, List<DataAtRevision> data) {
		this.scripts = scripts;
		this.database = new CheckDatabase(databases, "upgrade");
		for (DataAtRevision work : data) {
			this.data.computeIfAbsent(scripts.resolve(work.revision()), (id) -> new ArrayList<>()).add(work);
		}
	}

	static Check of(ScriptsUnderTest scripts, FreshDatabases databases, List<DataAtRevision> data) {
		UpgradeCheck check = new UpgradeCheck(scripts, databases, data);
		List<Check.Step> steps = scripts.upgradeOrder()
			.stream()
			.map((step) -> new Check.Step("upgrade to " + ScriptsUnderTest.title(step.revision()),
					() -> check.upgrade(step)))
			.toList();
		return new Check("upgrade", steps, check.database);
	}

	private void upgrade(MigrationStep step) throws SQLException {
		String id = step.revision().id();
		if (this.engine == null) {
			this.engine = this.scripts.on(this.database.dataSource());
		}
		try {
			this.engine.upgrade(id);
		}
		catch (RuntimeException ex) {
			String with = this.seeded.isEmpty() ? "" : " with the rows seeded at " + String.join(", ", this.seeded);
			throw Failures.failed("upgrade of " + this.scripts.describe(id), with, ex);
		}
		List<DataAtRevision> work = this.data.getOrDefault(id, List.of());
		if (work.isEmpty()) {
			return;
		}
		try (Connection connection = this.database.dataSource().getConnection()) {
			for (DataAtRevision each : seedsFirst(work)) {
				each.run(connection, this.scripts.describe(id));
				if (each.seed() && !this.seeded.contains(id)) {
					this.seeded.add(id);
				}
			}
		}
	}

	private static List<DataAtRevision> seedsFirst(List<DataAtRevision> work) {
		List<DataAtRevision> ordered = new ArrayList<>(work.stream().filter(DataAtRevision::seed).toList());
		ordered.addAll(work.stream().filter((each) -> !each.seed()).toList());
		return ordered;
	}

}
