package dev.migrations.lint;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;

/**
 * How to lint.
 *
 * @param postgresVersion the PostgreSQL major version the revisions will run on, for the rules whose safety depends
 * on it; {@code null} for the connected server's, or the newest when there is none
 * @param engineSetsLockTimeout whether the engine sets a lock timeout itself before each revision, which satisfies
 * {@link Rule#REQUIRE_TIMEOUT_SETTINGS}
 */
public record LintOptions(Integer postgresVersion, boolean engineSetsLockTimeout) {

	/** The newest PostgreSQL major version the rules know, assumed when none is given or connected. */
	public static final int NEWEST_POSTGRESQL = 18;

	public LintOptions {
		if (postgresVersion != null && postgresVersion < 9) {
			throw new MigrationsException(ErrorKind.CONFIG,
					"The PostgreSQL version to lint for must be a major version, 9 or later, not " + postgresVersion,
					"Give the major version the revisions will run on, such as 16");
		}
	}

	public static LintOptions defaults() {
		return new LintOptions(null, false);
	}

	public LintOptions withPostgresVersion(Integer version) {
		return new LintOptions(version, this.engineSetsLockTimeout);
	}

}
