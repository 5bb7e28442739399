package dev.migrations;

import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import dev.migrations.report.CheckReport;
import dev.migrations.report.RevisionView;
import dev.migrations.report.StatusReport;

/**
 * The engine's one entry point: Alembic's commands over a script directory and a database. The command line
 * and the Spring Boot starter are thin layers over this class. Targets are strings in every form of SPEC §3
 * ({@code head}, {@code heads}, {@code base}, ids, prefixes, {@code +N}, {@code rev-N}, {@code label@head}...).
 * Every failure is a {@link MigrationsException} with a hint.
 */
public final class Migrations {

	private final MigrationsConfig config;

	private final DataSource dataSource;

	/**
	 * @param config the configuration
	 * @param dataSource the database; {@code null} for graph facts and offline SQL only
	 */
	public Migrations(MigrationsConfig config, DataSource dataSource) {
		this.config = config;
		this.dataSource = dataSource;
	}

	public MigrationsConfig config() {
		return this.config;
	}

	// --- graph facts: no database -------------------------------------------------------------

	/** The heads in load order; {@code resolveDependencies} leaves out heads that something depends on. */
	public List<RevisionView> heads(boolean resolveDependencies) {
		throw new UnsupportedOperationException("engine facade in progress");
	}

	/** The branch points in load order. */
	public List<RevisionView> branches() {
		throw new UnsupportedOperationException("engine facade in progress");
	}

	/**
	 * Revisions newest first.
	 * @param range {@code from:to} with either side optional; {@code null} for all. A side of {@code current}
	 * reads the database.
	 * @param indicateCurrent mark the database's current revisions (reads the database)
	 */
	public List<RevisionView> history(String range, boolean indicateCurrent) {
		throw new UnsupportedOperationException("engine facade in progress");
	}

	/** One revision, by any single-revision target form. */
	public List<RevisionView> show(String revision) {
		throw new UnsupportedOperationException("engine facade in progress");
	}

	// --- the database's position ---------------------------------------------------------------

	/** The database's current revisions, as {@code current} lists them (creates nothing). */
	public List<RevisionView> current() {
		throw new UnsupportedOperationException("engine facade in progress");
	}

	public RunResult upgrade(String target) {
		throw new UnsupportedOperationException("engine facade in progress");
	}

	public RunResult downgrade(String target) {
		throw new UnsupportedOperationException("engine facade in progress");
	}

	/** Sets the version rows to the targets without running scripts; {@code purge} empties the table first. */
	public RunResult stamp(List<String> targets, boolean purge) {
		throw new UnsupportedOperationException("engine facade in progress");
	}

	/** Whether the database is at every head with matching checksums. */
	public CheckReport check() {
		throw new UnsupportedOperationException("engine facade in progress");
	}

	/** Whether the database is at {@code target} with matching checksums. */
	public CheckReport check(String target) {
		throw new UnsupportedOperationException("engine facade in progress");
	}

	/** Where the database stands against {@code target}, never failing on an unknown revision or a changed script. */
	public StatusReport status(String target) {
		throw new UnsupportedOperationException("engine facade in progress");
	}

	// --- offline SQL ----------------------------------------------------------------------------

	/** The SQL {@code upgrade target} would run, version-table statements included; {@code a:b} needs no database. */
	public String upgradeSql(String target) {
		throw new UnsupportedOperationException("engine facade in progress");
	}

	public String downgradeSql(String target) {
		throw new UnsupportedOperationException("engine facade in progress");
	}

	public String stampSql(List<String> targets, boolean purge) {
		throw new UnsupportedOperationException("engine facade in progress");
	}

	// --- authoring ------------------------------------------------------------------------------

	/** Writes a new revision script and returns its path. */
	public Path revision(NewRevision request) {
		throw new UnsupportedOperationException("engine facade in progress");
	}

	/** Writes a merge revision of the given revisions ({@code heads} for all heads) and returns its path. */
	public Path merge(List<String> revisions, String message, String revisionId, Path directory) {
		throw new UnsupportedOperationException("engine facade in progress");
	}

	/** Creates a scripts directory with a README; fails if it exists and is not empty. */
	public static Path init(Path directory) {
		throw new UnsupportedOperationException("engine facade in progress");
	}

}
