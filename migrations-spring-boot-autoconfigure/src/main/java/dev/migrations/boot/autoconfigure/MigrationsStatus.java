package dev.migrations.boot.autoconfigure;

import java.util.List;

import dev.migrations.Migrations;
import dev.migrations.report.RevisionStatus;
import dev.migrations.report.StatusReport;

/**
 * Where the application's database stands, read once: the one model behind the {@code migrations} endpoint and
 * health, so that they never disagree.
 *
 * @param report what the engine read
 * @param target the revision the application upgrades to ({@code migrations.target})
 */
public record MigrationsStatus(StatusReport report, String target) {

	public static MigrationsStatus read(Migrations migrations, String target) {
		return new MigrationsStatus(migrations.status(target), target);
	}

	/** At the target, with no unknown version row and no changed applied script. */
	public boolean upToDate() {
		return this.report.upToDate() && this.report.checksumMismatches().isEmpty();
	}

	/** The database names a revision no script has, or an applied script changed: the application must not run. */
	public boolean broken() {
		return !this.report.unknown().isEmpty() || !this.report.checksumMismatches().isEmpty();
	}

	public List<String> current() {
		return this.report.current();
	}

	/** The heads of the scripts, whatever the target. */
	public List<String> heads() {
		return this.report.heads();
	}

	/** Every revision not applied yet, in the order they would run: the history's {@code pending} entries. */
	public List<String> pending() {
		return this.report.pending();
	}

	public List<String> unknown() {
		return this.report.unknown();
	}

	public List<String> checksumMismatches() {
		return this.report.checksumMismatches();
	}

	/** Every revision, newest first, the unknown ones included. */
	public List<RevisionStatus> history() {
		return this.report.history();
	}

}
