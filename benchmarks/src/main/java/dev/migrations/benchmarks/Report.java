package dev.migrations.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import dev.migrations.benchmarks.harness.Result;

/**
 * The results as Markdown: the machine, one table row per case and contender (min, median, max, median's ratio to
 * the case's baseline, median allocation), and the targets, each met or not met.
 */
final class Report {

	static final String STARTER_DISABLED = "demo, starter disabled";

	static final String STARTER_IDLE = "demo, starter with on-startup=none";

	static final String STARTER_ENABLED = "demo, starter at head";

	/** The graph load's floor: the same script files listed and read in parallel, nothing parsed. */
	static final String READ_ALONE = "plain Java, reading the files only";

	private static final List<String> ORDER = List.of("JDBC floor", READ_ALONE, "migrations", "Flyway", "Liquibase",
			STARTER_DISABLED, STARTER_IDLE, STARTER_ENABLED, BootStartup.FLYWAY, BootStartup.LIQUIBASE);

	private final Settings settings;

	private final String postgres;

	private final List<Result> results;

	private final List<String> remarks;

	private final Duration took;

	private final ZonedDateTime date = ZonedDateTime.now(ZoneOffset.UTC);

	Report(Settings settings, String postgres, List<Result> results, List<String> remarks, Duration took) {
		this.settings = settings;
		this.postgres = postgres;
		this.results = List.copyOf(results);
		this.remarks = List.copyOf(remarks);
		this.took = took;
	}

	String fileName() {
		return this.date.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm'Z'", Locale.ROOT)) + ".md";
	}

	String markdown() {
		StringBuilder text = new StringBuilder();
		text.append("Run of ").append(this.date.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
			.append(" (").append(this.took.toMinutes()).append(" min ").append(this.took.toSecondsPart())
			.append(" s)\n\n");
		text.append("- machine: ").append(machine()).append('\n');
		text.append("- Java: ").append(System.getProperty("java.vm.name")).append(' ')
			.append(System.getProperty("java.runtime.version"))
			.append(", default JVM options in every child JVM, with ").append(String.join(" ", Benchmarks.WARM_JVM_OPTIONS))
			.append(" in those kept warm for the in-process cases\n");
		text.append("- PostgreSQL ").append(this.postgres).append(" on loopback; contenders: migrations ")
			.append(System.getProperty("bench.migrations.version", "(this checkout)")).append(", Flyway ")
			.append(System.getProperty("bench.flyway.version", "?")).append(", Liquibase ")
			.append(System.getProperty("bench.liquibase.version", "?")).append('\n');
		text.append("- workloads: generated revisions with branches and merges, seed ").append(this.settings.seed())
			.append("; ").append(this.settings.runs()).append(" measured runs per case after ")
			.append(this.settings.warmups()).append(" warm-up (no-op and graph: ").append(this.settings.shortRuns())
			.append(" after ").append(this.settings.shortWarmups()).append("; start-up: ").append(this.settings.bootRuns())
			.append(" measured rounds), contenders taking turns run by run, each database case on a fresh database\n\n");
		text.append("| case | contender | min | median | max | × baseline | alloc/run |\n");
		text.append("| --- | --- | ---: | ---: | ---: | ---: | ---: |\n");
		for (BenchmarkCase benchmarkCase : BenchmarkCase.values()) {
			for (int size : sizes(benchmarkCase)) {
				String key = benchmarkCase.key(size);
				List<Result> rows = rows(key);
				for (Result row : rows) {
					text.append("| ").append(benchmarkCase.title(size)).append(" | ").append(row.contender())
						.append(" | ").append(format(row, row.min())).append(" | ").append(format(row, row.median()))
						.append(" | ").append(format(row, row.max())).append(" | ").append(ratio(benchmarkCase, key, row))
						.append(" | ").append((row.medianAllocatedBytes() < 0) ? "—" : mebibytes(row.medianAllocatedBytes()))
						.append(" |\n");
				}
			}
		}
		text.append("\nBaselines: the JDBC floor, or for the start-up case the demo with the starter disabled. ")
			.append("Allocation is what the measuring thread allocated, median of the runs.\n\n");
		text.append(startUpSideBySide());
		text.append("| target | measured | |\n| --- | --- | --- |\n");
		for (Target target : targets()) {
			text.append("| ").append(target.goal()).append(" | ").append(target.measured()).append(" | ")
				.append(target.met().map((met) -> met ? "met" : "**not met**").orElse("not measured")).append(" |\n");
		}
		if (!this.remarks.isEmpty()) {
			text.append('\n');
			this.remarks.forEach((remark) -> text.append("- ").append(remark).append('\n'));
		}
		return text.toString();
	}

	/**
	 * The start-up case's three migration tools on one table, as ratios of their medians from this run: to the
	 * disabled baseline, to Spring Boot's Flyway and to Spring Boot's Liquibase; and what each adds over the disabled
	 * start-up of the same round. Empty when the run did not measure them all.
	 */
	String startUpSideBySide() {
		int n = this.settings.largest();
		String startUp = BenchmarkCase.BOOT_STARTUP.key(n);
		List<String> tools = List.of(STARTER_ENABLED, BootStartup.FLYWAY, BootStartup.LIQUIBASE);
		Optional<Result> disabled = find(startUp, STARTER_DISABLED);
		List<Optional<Result>> rows = tools.stream().map((tool) -> find(startUp, tool)).toList();
		if (disabled.isEmpty() || rows.stream().anyMatch(Optional::isEmpty)) {
			return "";
		}
		long flyway = rows.get(1).get().median();
		long liquibase = rows.get(2).get().median();
		StringBuilder text = new StringBuilder("| demo app at head with N=" + n + " | start-up | × starter disabled "
				+ "| × Spring Boot's Flyway | × Spring Boot's Liquibase | added over disabled |\n"
				+ "| --- | ---: | ---: | ---: | ---: | ---: |\n");
		for (int i = 0; i < tools.size(); i++) {
			long median = rows.get(i).get().median();
			String added = find(BenchmarkCase.BOOT_STARTER_COST.key(n), tools.get(i))
				.map((cost) -> millis(cost.median()))
				.orElse("—");
			text.append("| ").append(tools.get(i)).append(" | ").append(millis(median)).append(" | ")
				.append(times(median, disabled.get().median())).append(" | ").append(times(median, flyway))
				.append(" | ").append(times(median, liquibase)).append(" | ").append(added).append(" |\n");
		}
		return text.append("\n").toString();
	}

	private static String times(long value, long base) {
		return String.format(Locale.ROOT, "%.2f×", (double) value / base);
	}

	private List<Integer> sizes(BenchmarkCase benchmarkCase) {
		return switch (benchmarkCase) {
			case APPLY -> this.settings.sizes();
			case JVM_ALONE -> List.of(0);
			case GRAPH_WARM, GRAPH_LOAD, GRAPH_BUILD, GRAPH_PLAN, GRAPH_COLD, LINT_WARM ->
				List.of(this.settings.graphSize());
			case KIT_STAIRWAY, KIT_AT_HEAD -> List.of(KitCases.SIZE);
			case AUTOGENERATE, AUTOGENERATE_MODEL, AUTOGENERATE_DATABASE, AUTOGENERATE_DIFF ->
				List.of(this.settings.entities());
			case GRAPH_TEXT, GRAPH_PAGE -> List.of(DrawnCases.SIZE);
			case TENANTS_APPLY, TENANTS_NOOP -> List.of(Benchmarks.tenantCount());
			default -> List.of(this.settings.largest());
		};
	}

	private List<Result> rows(String key) {
		List<Result> rows = new ArrayList<>(this.results.stream().filter((result) -> result.caseKey().equals(key)).toList());
		rows.sort((a, b) -> Integer.compare(rank(a.contender()), rank(b.contender())));
		return rows;
	}

	private static int rank(String contender) {
		for (int i = 0; i < ORDER.size(); i++) {
			if (contender.startsWith(ORDER.get(i))) {
				return i;
			}
		}
		return ORDER.size();
	}

	private String ratio(BenchmarkCase benchmarkCase, String key, Result row) {
		String baseline = switch (benchmarkCase) {
			case APPLY, NOOP, RSS, CHECK_PROCESS, TENANTS_APPLY, TENANTS_NOOP -> "JDBC floor";
			case BOOT_STARTUP -> STARTER_DISABLED;
			case GRAPH_LOAD -> READ_ALONE;
			case KIT_AT_HEAD -> KitCases.CACHE_OFF;
			default -> null;
		};
		return find(key, baseline).map((base) -> String.format(Locale.ROOT, "%.2f×", (double) row.median() / base.median()))
			.orElse("—");
	}

	private Optional<Result> find(String key, String contender) {
		if (contender == null) {
			return Optional.empty();
		}
		return this.results.stream()
			.filter((result) -> result.caseKey().equals(key) && result.contender().startsWith(contender))
			.findFirst();
	}

	private List<Target> targets() {
		int n = this.settings.largest();
		int graph = this.settings.graphSize();
		List<Target> targets = new ArrayList<>();
		targets.add(ratioTarget("apply N=" + n + " ≤ 1.10× the JDBC floor", BenchmarkCase.APPLY.key(n), 1.10));
		targets.add(ratioTarget("no-op N=" + n + " in-process ≤ 1.5× the JDBC floor", BenchmarkCase.NOOP.key(n), 1.5));
		String noop = BenchmarkCase.NOOP.key(n);
		targets.add(compare("no-op N=" + n + " in-process ≥ 4× faster than Flyway", find(noop, "Flyway"),
				find(noop, "migrations"), (pair) -> {
					double speedup = (double) pair[0].median() / pair[1].median();
					return new Verdict(String.format(Locale.ROOT, "%.2f× faster (%s vs %s)", speedup,
							format(pair[1], pair[1].median()), format(pair[0], pair[0].median())), speedup >= 4);
				}));
		String check = BenchmarkCase.CHECK_PROCESS.key(n);
		Target checkTarget = ratioTarget("check at head N=" + n + " whole process ≤ 1.2× the plain-JDBC process", check,
				1.2);
		String launcher = find(check, "migrations command").flatMap((command) -> find(check, "JDBC floor")
			.map((floor) -> String.format(Locale.ROOT, "; through the `migrations` launcher %.2f× (%s)",
					(double) command.median() / floor.median(), format(command, command.median()))))
			.orElse("");
		targets.add(new Target(checkTarget.goal(), checkTarget.measured() + " with `java -jar`" + launcher,
				checkTarget.met()));
		targets.add(ratioTarget("peak RSS applying N=" + n + " ≤ 1.5× the floor's", BenchmarkCase.RSS.key(n), 1.5));
		Target warm = limit("graph load + plan, " + graph + " revisions, < 100 ms warm",
				BenchmarkCase.GRAPH_WARM.key(graph), Duration.ofMillis(100));
		String readAlone = find(BenchmarkCase.GRAPH_LOAD.key(graph), READ_ALONE)
			.map((result) -> " (reading the same files alone, plain Java: median " + format(result, result.median())
					+ ")")
			.orElse("");
		targets.add(new Target(warm.goal(), warm.measured() + readAlone, warm.met()));
		targets.add(limit("graph load + plan, " + graph + " revisions, < 1 s as a cold process",
				BenchmarkCase.GRAPH_COLD.key(graph), Duration.ofSeconds(1)));
		targets.add(limit("lint, " + graph + " revisions, < 1 s warm", BenchmarkCase.LINT_WARM.key(graph),
				Duration.ofSeconds(1)));
		int entities = this.settings.entities();
		targets.add(limit("autogenerate diff, " + entities + " entities against " + entities
				+ " tables, model side included, < 2 s warm", BenchmarkCase.AUTOGENERATE.key(entities),
				Duration.ofSeconds(2)));
		targets.add(limit("history --graph, " + DrawnCases.SIZE + " revisions in " + DrawnCases.BRANCHES
				+ " branches, < 1 s warm", BenchmarkCase.GRAPH_TEXT.key(DrawnCases.SIZE), Duration.ofSeconds(1)));
		targets.add(limit("operators' page, " + DrawnCases.SIZE + " revisions in " + DrawnCases.BRANCHES
				+ " branches, < 2 s warm", BenchmarkCase.GRAPH_PAGE.key(DrawnCases.SIZE), Duration.ofSeconds(2)));
		int tenants = Benchmarks.tenantCount();
		targets.add(limit("no-op at head, " + tenants + " tenant schemas, < 2 s warm (the issue's target: 1,000)",
				BenchmarkCase.TENANTS_NOOP.key(tenants), Duration.ofSeconds(2)));
		String cost = BenchmarkCase.BOOT_STARTER_COST.key(n);
		String onThread = find(BenchmarkCase.BOOT_STARTER_THREAD.key(n), STARTER_ENABLED)
			.map((result) -> " (its own time on the start-up thread: median " + millis(result.median()) + ")")
			.orElse("");
		targets.add(find(cost, STARTER_ENABLED)
			.map((result) -> new Target("the starter adds < 50 ms to the demo's start-up at head with N=" + n,
					"median of the paired differences " + millis(result.median()) + onThread,
					Optional.of(result.median() < 50_000_000L)))
			.orElse(new Target("the starter adds < 50 ms to the demo's start-up at head with N=" + n, "—",
					Optional.empty())));
		return targets;
	}

	private Target ratioTarget(String goal, String key, double limit) {
		return compare(goal, find(key, "migrations"), find(key, "JDBC floor"), (pair) -> {
			double ratio = (double) pair[0].median() / pair[1].median();
			return new Verdict(String.format(Locale.ROOT, "%.2f× (%s vs %s)", ratio, format(pair[0], pair[0].median()),
					format(pair[1], pair[1].median())), ratio <= limit);
		});
	}

	private Target limit(String goal, String key, Duration limit) {
		return find(key, "migrations").map((result) -> new Target(goal, "median " + format(result, result.median()),
				Optional.of(result.median() < limit.toNanos())))
			.orElse(new Target(goal, "—", Optional.empty()));
	}

	private static Target compare(String goal, Optional<Result> first, Optional<Result> second,
			Function<Result[], Verdict> judge) {
		if (first.isEmpty() || second.isEmpty()) {
			return new Target(goal, "—", Optional.empty());
		}
		Verdict verdict = judge.apply(new Result[] { first.get(), second.get() });
		return new Target(goal, verdict.measured(), Optional.of(verdict.met()));
	}

	private static String format(Result result, long value) {
		return (result.unit() == Result.Unit.BYTES) ? mebibytes(value) : millis(value);
	}

	private static String millis(long nanos) {
		double ms = nanos / 1_000_000.0;
		if (Math.abs(ms) >= 1000) {
			return String.format(Locale.ROOT, "%.2f s", ms / 1000);
		}
		return String.format(Locale.ROOT, (Math.abs(ms) >= 100) ? "%.0f ms" : "%.1f ms", ms);
	}

	private static String mebibytes(long bytes) {
		double mib = bytes / (1024.0 * 1024.0);
		return String.format(Locale.ROOT, (mib >= 100) ? "%.0f MiB" : "%.1f MiB", mib);
	}

	private static String machine() {
		String cpu = "unknown CPU";
		try {
			cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
				.filter((line) -> line.startsWith("model name"))
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst()
				.orElse(cpu);
		}
		catch (IOException ex) {
			// not Linux: the CPU model stays unknown
		}
		long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getTotalMemorySize();
		return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), "
				+ Math.round(memory / (1024.0 * 1024 * 1024)) + " GiB, " + System.getProperty("os.name") + " "
				+ System.getProperty("os.version");
	}

	/**
	 * One of the targets.
	 *
	 * @param goal the target
	 * @param measured what this run measured
	 * @param met whether it is met; empty when the run did not measure it
	 */
	private record Target(String goal, String measured, Optional<Boolean> met) {
	}

	/** What a run measured against one target. */
	private record Verdict(String measured, boolean met) {
	}

}
