package dev.migrations.benchmarks.contender;

import javax.sql.DataSource;

import dev.migrations.Migrations;
import dev.migrations.benchmarks.workload.Workload;
import dev.migrations.config.MigrationsConfig;
import dev.migrations.report.CheckReport;

/** This project's engine with its defaults (checksum validation on), on the workload's scripts. */
final class EngineContender implements Contender {

	static final String NAME = "migrations";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public void upgrade(Workload workload, DataSource dataSource) {
		migrations(workload, dataSource).upgrade("heads");
	}

	@Override
	public void check(Workload workload, DataSource dataSource) {
		CheckReport report = migrations(workload, dataSource).check();
		if (!report.ok()) {
			throw new IllegalStateException(String.join("; ", report.problems()));
		}
	}

	private static Migrations migrations(Workload workload, DataSource dataSource) {
		MigrationsConfig config = MigrationsConfig.builder()
			.locations("filesystem:" + workload.engineScripts())
			.build();
		return new Migrations(config, dataSource);
	}

}
