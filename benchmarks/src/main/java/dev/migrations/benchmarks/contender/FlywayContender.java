package dev.migrations.benchmarks.contender;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import dev.migrations.benchmarks.workload.Workload;

/** Flyway with its defaults (validate on migrate), on the workload's {@code V<n>__*.sql} files. */
final class FlywayContender implements Contender {

	static final String NAME = "Flyway";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public void upgrade(Workload workload, DataSource dataSource) {
		flyway(workload, dataSource).migrate();
	}

	/** {@code validate}: fails on pending migrations and on changed checksums. */
	@Override
	public void check(Workload workload, DataSource dataSource) {
		flyway(workload, dataSource).validate();
	}

	private static Flyway flyway(Workload workload, DataSource dataSource) {
		return Flyway.configure()
			.dataSource(dataSource)
			.locations("filesystem:" + workload.flywayScripts())
			.load();
	}

}
