package dev.migrations.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the rules know while one lint run reads its revisions in order: the PostgreSQL version, what the current
 * revision has created and set so far, the {@code CHECK (column IS NOT NULL)} constraints validated by any revision
 * read, and the rules the current statement breaks.
 */
final class LintContext {

	private final int postgresVersion;

	private final boolean engineSetsLockTimeout;

	/** {@code table.column} of every validated {@code CHECK (column IS NOT NULL)}, from any revision read so far. */
	private final Set<String> validatedNotNullChecks = new HashSet<>();

	/** The {@code CHECK (column IS NOT NULL) NOT VALID} constraints not yet validated: {@code table/name} to column. */
	private final Map<String, String> notValidNotNullChecks = new HashMap<>();

	private boolean transactional;

	private final Set<String> createdTables = new HashSet<>();

	private final Set<String> createdIndexes = new HashSet<>();

	/** {@code table/name} of the constraints this revision added {@code NOT VALID}. */
	private final Set<String> notValidConstraints = new HashSet<>();

	private boolean lockTimeoutSet;

	private boolean lockTimeoutReported;

	private final List<Hit> hits = new ArrayList<>();

	LintContext(int postgresVersion, boolean engineSetsLockTimeout) {
		this.postgresVersion = postgresVersion;
		this.engineSetsLockTimeout = engineSetsLockTimeout;
	}

	/** Forgets what the previous revision created and set: each revision runs on its own. */
	void startRevision(boolean transactional) {
		this.transactional = transactional;
		this.createdTables.clear();
		this.createdIndexes.clear();
		this.notValidConstraints.clear();
		this.lockTimeoutSet = false;
		this.lockTimeoutReported = false;
	}

	int postgresVersion() {
		return this.postgresVersion;
	}

	boolean transactional() {
		return this.transactional;
	}

	void report(Rule rule, int line) {
		this.hits.add(new Hit(rule, line));
	}

	/** The rules the statement read since the last call broke, and forgets them. */
	List<Hit> takeHits() {
		List<Hit> taken = List.copyOf(this.hits);
		this.hits.clear();
		return taken;
	}

	void tableCreated(String table) {
		this.createdTables.add(table);
	}

	/** Whether this revision created the table, so that changing it can't hurt anyone. */
	boolean isNewTable(String table) {
		return this.createdTables.contains(table);
	}

	void indexCreated(String index) {
		this.createdIndexes.add(index);
	}

	boolean isNewIndex(String index) {
		return this.createdIndexes.contains(index);
	}

	void lockTimeoutSet() {
		this.lockTimeoutSet = true;
	}

	/** A statement that waits for a strong lock on an existing table: the first of a revision needs a lock timeout. */
	void locksExistingTable(int line) {
		if (!this.engineSetsLockTimeout && !this.lockTimeoutSet && !this.lockTimeoutReported) {
			report(Rule.REQUIRE_TIMEOUT_SETTINGS, line);
			this.lockTimeoutReported = true;
		}
	}

	/** A constraint added {@code NOT VALID}; {@code notNullColumn} is the column of a {@code CHECK (c IS NOT NULL)}. */
	void notValidConstraintAdded(String table, String name, String notNullColumn) {
		if (name != null) {
			this.notValidConstraints.add(table + "/" + name);
			if (notNullColumn != null) {
				this.notValidNotNullChecks.put(table + "/" + name, notNullColumn);
			}
		}
	}

	/** A validated {@code CHECK (column IS NOT NULL)}, added without {@code NOT VALID}. */
	void notNullCheckValidated(String table, String column) {
		this.validatedNotNullChecks.add(table + "." + column);
	}

	/**
	 * {@code VALIDATE CONSTRAINT}; returns whether this revision added the constraint {@code NOT VALID}, so that
	 * validating it in the same transaction holds the lock that {@code NOT VALID} meant to avoid.
	 */
	boolean constraintValidated(String table, String name) {
		String column = this.notValidNotNullChecks.remove(table + "/" + name);
		if (column != null) {
			notNullCheckValidated(table, column);
		}
		return this.notValidConstraints.contains(table + "/" + name);
	}

	boolean hasValidatedNotNullCheck(String table, String column) {
		return this.validatedNotNullChecks.contains(table + "." + column);
	}

	/** A rule broken on a line. */
	record Hit(Rule rule, int line) {
	}

}
