package dev.migrations.benchmarks.contender;

import javax.sql.DataSource;

import dev.migrations.benchmarks.workload.Workload;

/**
 * A migration tool under measurement, driven through its public API the way an application would drive it:
 * each call starts from the files and the database, caching nothing between calls.
 */
public interface Contender {

	/** The name the results table shows. */
	String name();

	/**
	 * Brings the database to the workload's head: runs what is pending after validating the checksums of what is
	 * applied. At head this is the tool's no-op.
	 */
	void upgrade(Workload workload, DataSource dataSource) throws Exception;

	/**
	 * Fails unless the database is at the workload's head with every applied checksum matching; changes nothing
	 * that matters.
	 */
	void check(Workload workload, DataSource dataSource) throws Exception;

	/** The contender of the given name, as {@link #name()} spells it. */
	static Contender named(String name) {
		return switch (name) {
			case JdbcFloor.NAME -> new JdbcFloor();
			case EngineContender.NAME -> new EngineContender();
			case FlywayContender.NAME -> new FlywayContender();
			case LiquibaseContender.NAME -> new LiquibaseContender();
			default -> throw new IllegalArgumentException("No contender named '" + name + "'");
		};
	}

}
