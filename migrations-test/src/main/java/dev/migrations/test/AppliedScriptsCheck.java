package dev.migrations.test;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.migrations.report.StatusReport;

/**
 * The revisions a given database (a staging copy, a dump of production) has applied still have the scripts they
 * were applied from: each checksum matches the one recorded in its history, as the engine validates before
 * {@code upgrade}, and no version row names a revision that no script defines.
 */
final class AppliedScriptsCheck {

	private AppliedScriptsCheck() {
	}

	static Check of(ScriptsUnderTest scripts, DataSource database) {
		return new Check("applied scripts", List.of(new Check.Step("applied scripts unchanged",
				() -> verify(scripts, database))), () -> {
				});
	}

	static void verify(ScriptsUnderTest scripts, DataSource database) {
		StatusReport status = scripts.on(database).status("heads");
		List<String> problems = new ArrayList<>();
		for (String id : status.checksumMismatches()) {
			problems.add("Revision " + scripts.describe(id) + " was edited after it was applied: its checksum differs "
					+ "from the one recorded in " + scripts.config().historyTable()
					+ ". Restore the script as it was applied and make the change in a new revision");
		}
		for (String id : status.unknown()) {
			problems.add("The database is at revision " + id + ", which no script defines: a script applied there "
					+ "was deleted or renamed, or the database was upgraded from another branch");
		}
		if (!problems.isEmpty()) {
			throw new AssertionError(String.join(System.lineSeparator(), problems));
		}
	}

}
