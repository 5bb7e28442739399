package dev.migrations.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

import dev.migrations.benchmarks.contender.Contender;
import dev.migrations.benchmarks.harness.Harness;
import dev.migrations.benchmarks.harness.Postgres;
import dev.migrations.benchmarks.harness.Postgres.Database;
import dev.migrations.benchmarks.harness.SchemaFingerprint;
import dev.migrations.benchmarks.workload.Workload;

/**
 * A child JVM's main that runs one contender's in-process cases on request, one run per line read from standard
 * input, so that the orchestrating JVM can take turns between the contenders' warm JVMs and the machine's drift
 * falls on all of them alike. Each answer is one {@link #REPLY} line on standard output.
 *
 * <ul>
 * <li>{@code apply <workload-root>}: a fresh database, everything applied (timed), then its schema fingerprint
 * taken and the database dropped. Answers time, allocation and fingerprint.</li>
 * <li>{@code noop <workload-root>}: the no-op upgrade (timed) on a database this worker brought to that workload's
 * head on first use. Answers time and allocation.</li>
 * <li>{@code quit}: drops the no-op database and exits.</li>
 * </ul>
 *
 * <p>Argument: the contender's name.
 */
public final class ContenderWorker {

	/** The prefix of every answer line, which tells it from anything a contender prints itself. */
	public static final String REPLY = "@@bench\t";

	private final Contender contender;

	private final String prefix;

	private Database atHead;

	private Workload atHeadWorkload;

	private ContenderWorker(Contender contender) {
		this.contender = contender;
		this.prefix = "bench_" + contender.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
	}

	public static void main(String[] args) throws Exception {
		ContenderWorker worker = new ContenderWorker(Contender.named(args[0]));
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		try {
			String line;
			while ((line = in.readLine()) != null && !line.equals("quit")) {
				String[] command = line.split("\t");
				Workload workload = Workload.open(Path.of(command[1]));
				String reply = switch (command[0]) {
					case "apply" -> worker.apply(workload);
					case "noop" -> worker.noop(workload);
					default -> throw new IllegalArgumentException("Unknown command '" + line + "'");
				};
				System.out.println(REPLY + reply);
				System.out.flush();
			}
		}
		finally {
			if (worker.atHead != null) {
				worker.atHead.drop();
			}
		}
	}

	private String apply(Workload workload) throws Exception {
		String[] fingerprint = new String[1];
		Harness.Sample sample = Harness.once(() -> Postgres.create(this.prefix + "_apply_" + workload.size()),
				(fresh) -> this.contender.upgrade(workload, fresh.dataSource()), (applied) -> {
					fingerprint[0] = SchemaFingerprint.of(applied.url());
					applied.drop();
				});
		return sample.nanos() + "\t" + sample.allocatedBytes() + "\t" + fingerprint[0];
	}

	private String noop(Workload workload) throws Exception {
		if (!workload.equals(this.atHeadWorkload)) {
			if (this.atHead != null) {
				this.atHead.drop();
			}
			this.atHead = Postgres.create(this.prefix + "_noop_" + workload.size());
			this.atHeadWorkload = workload;
			this.contender.upgrade(workload, this.atHead.dataSource());
		}
		Harness.Sample sample = Harness.once(this.atHead::dataSource,
				(dataSource) -> this.contender.upgrade(workload, dataSource), (dataSource) -> {
				});
		return sample.nanos() + "\t" + sample.allocatedBytes();
	}

}
