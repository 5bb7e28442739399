package dev.migrations.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.migrations.benchmarks.contender.Contender;
import dev.migrations.benchmarks.harness.Fingerprint;
import dev.migrations.benchmarks.harness.Harness;
import dev.migrations.benchmarks.harness.Postgres;
import dev.migrations.benchmarks.harness.Postgres.Database;
import dev.migrations.benchmarks.harness.Result;
import dev.migrations.benchmarks.harness.SchemaFingerprint;
import dev.migrations.benchmarks.workload.Workload;

/**
 * A child JVM's main: one contender's in-process cases. For each workload it applies everything to a fresh
 * database per run ({@link BenchmarkCase#APPLY}); then, on a database it brought to the last workload's head, it
 * runs its no-op upgrade ({@link BenchmarkCase#NOOP}). Prints {@link Result} and {@link Fingerprint} lines.
 *
 * <p>Arguments: {@code contender warmups runs workload-root...}
 */
public final class InProcessCases {

	private InProcessCases() {
	}

	public static void main(String[] args) throws Exception {
		Contender contender = Contender.named(args[0]);
		int warmups = Integer.parseInt(args[1]);
		int runs = Integer.parseInt(args[2]);
		List<Workload> workloads = new ArrayList<>();
		for (int i = 3; i < args.length; i++) {
			workloads.add(Workload.open(Path.of(args[i])));
		}
		String prefix = "bench_" + contender.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
		for (Workload workload : workloads) {
			String caseKey = BenchmarkCase.APPLY.key(workload.size());
			String database = prefix + "_" + caseKey.replace('-', '_');
			List<String> fingerprints = new ArrayList<>();
			Harness.Samples samples = Harness.measure(warmups, runs, () -> Postgres.create(database),
					(fresh) -> contender.upgrade(workload, fresh.dataSource()), (applied) -> {
						fingerprints.add(SchemaFingerprint.of(applied.url()));
						applied.drop();
					});
			if (fingerprints.stream().distinct().count() != 1) {
				throw new IllegalStateException(contender.name() + " left different schemas: " + fingerprints);
			}
			System.out.println(new Fingerprint(contender.name(), workload.size(), fingerprints.get(0)).toLine());
			System.out.println(Result.of(caseKey, contender.name(), samples).toLine());
		}
		Workload largest = workloads.get(workloads.size() - 1);
		String caseKey = BenchmarkCase.NOOP.key(largest.size());
		Database atHead = Postgres.create(prefix + "_" + caseKey.replace('-', '_'));
		try {
			contender.upgrade(largest, atHead.dataSource());
			Harness.Samples samples = Harness.measure(warmups, runs, atHead::dataSource,
					(dataSource) -> contender.upgrade(largest, dataSource), (dataSource) -> {
					});
			System.out.println(Result.of(caseKey, contender.name(), samples).toLine());
		}
		finally {
			atHead.drop();
		}
	}

}
