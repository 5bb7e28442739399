package dev.migrations.benchmarks;

import java.nio.file.Path;

import javax.sql.DataSource;

import dev.migrations.benchmarks.contender.Contender;
import dev.migrations.benchmarks.harness.Postgres;
import dev.migrations.benchmarks.workload.Workload;

/**
 * A child JVM's main for the whole-process cases: a minimal program that runs one contender's {@code upgrade} or
 * {@code check} once and exits, the way a command-line tool or a deployment step would. Without arguments it does
 * nothing at all, which times the JVM alone.
 *
 * <p>Arguments: {@code contender upgrade|check jdbc-url workload-root}, or none.
 */
public final class OneShot {

	private OneShot() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 0) {
			return;
		}
		Contender contender = Contender.named(args[0]);
		DataSource dataSource = Postgres.dataSource(args[2]);
		Workload workload = Workload.open(Path.of(args[3]));
		switch (args[1]) {
			case "upgrade" -> contender.upgrade(workload, dataSource);
			case "check" -> contender.check(workload, dataSource);
			default -> throw new IllegalArgumentException("Unknown action '" + args[1] + "'");
		}
	}

}
