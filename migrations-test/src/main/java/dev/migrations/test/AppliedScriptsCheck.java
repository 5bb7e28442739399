package dev.migrations.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import dev.migrations.report.StatusReport;
import dev.migrations.script.RevisionScript;

/**
 * The revisions a given database (a staging copy, a dump of production) has applied still have the scripts they
 * were applied from: each checksum matches the one recorded in its history, as the engine validates before
 * {@code upgrade}, and no version row names a revision that no script defines. Or, without a database, the
 * revisions a base branch's scripts define are unchanged.
 */
final class AppliedScriptsCheck {

	private AppliedScriptsCheck() {
	}

	static Check of(ScriptsUnderTest scripts, DataSource database) {
		return new Check("applied scripts", List.of(new Check.Step("applied scripts unchanged",
				() -> verify(scripts, database))), () -> {
				});
	}

	/**
	 * The revisions that the scripts of a base branch (checked out apart, at {@code base}) define are still defined
	 * here, each with the same checksum: what is merged keeps what the base branch may already have applied.
	 */
	static Check ofBase(ScriptsUnderTest scripts, ScriptsUnderTest base) {
		return new Check("scripts unchanged since the base", List.of(new Check.Step("base scripts unchanged",
				() -> verifyAgainst(scripts, base))), () -> {
				});
	}

	private static void verifyAgainst(ScriptsUnderTest scripts, ScriptsUnderTest base) {
		List<String> problems = new ArrayList<>();
		for (RevisionScript before : base.loaded().scripts()) {
			RevisionScript now = scripts.loaded().byId().get(before.id());
			if (now == null) {
				problems.add("Revision " + base.describe(before.id()) + " of the base is gone: a revision the base "
						+ "branch may have applied must stay. Restore it, and undo it in a new revision if needed");
			}
			else if (!Objects.equals(now.checksum(), before.checksum())) {
				problems.add("Revision " + scripts.describe(before.id()) + " was edited: its checksum differs from the "
						+ "base's " + before.location() + ". Restore the script as the base has it and make the "
						+ "change in a new revision");
			}
		}
		if (!problems.isEmpty()) {
			throw new AssertionError(String.join(System.lineSeparator(), problems));
		}
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
