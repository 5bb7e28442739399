package dev.migrations.conformance;

import java.util.List;

import dev.migrations.report.RevisionView;

/**
 * What a conformance replay drives: the commands of a scenario, on one database (or one in-memory set of rows).
 * Failures are thrown as {@link dev.migrations.error.MigrationsException}s.
 */
public interface ScenarioEngine {

	/** The version rows as the database holds them. */
	List<String> rows();

	/** Writes the version rows directly, creating the table if needed (the corpus' {@code _set_version_rows}). */
	void plantRows(List<String> rows);

	/** Runs {@code upgrade target}; returns the {@code Running ...} lines. */
	List<String> upgrade(String target);

	List<String> downgrade(String target);

	List<String> stamp(List<String> targets, boolean purge);

	List<RevisionView> current();

	List<RevisionView> heads(boolean resolveDependencies);

	List<RevisionView> branches();

	List<RevisionView> history(String range, boolean indicateCurrent);

	List<RevisionView> show(String revision);

}
