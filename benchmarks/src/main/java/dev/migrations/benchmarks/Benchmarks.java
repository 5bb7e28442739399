package dev.migrations.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import dev.migrations.benchmarks.harness.ChildProcess;
import dev.migrations.benchmarks.harness.Fingerprint;
import dev.migrations.benchmarks.harness.Harness;
import dev.migrations.benchmarks.harness.Postgres;
import dev.migrations.benchmarks.harness.Postgres.Database;
import dev.migrations.benchmarks.harness.Result;
import dev.migrations.benchmarks.harness.SchemaFingerprint;
import dev.migrations.benchmarks.harness.Worker;
import dev.migrations.benchmarks.workload.RevisionSetGenerator;
import dev.migrations.benchmarks.workload.RevisionSetGenerator.Shape;
import dev.migrations.benchmarks.workload.Workload;

/**
 * Runs the whole benchmark and prints the table: generates the workloads, runs each contender's in-process cases
 * in a JVM of its own, then the whole-process cases (peak memory, {@code check}, JVM alone), the graph cases and
 * the Spring Boot start-up case, each on fresh PostgreSQL databases; checks that every contender left the same
 * schema; and writes the table to {@code benchmarks/results/}.
 */
public final class Benchmarks {

	private static final String ENGINE = "migrations";

	private static final String FLOOR = "JDBC floor";

	/**
	 * The options of the JVMs kept warm for the in-process cases, every contender's alike. Each run starts from a
	 * full collection, after which G1 shrinks the heap to some 40 MB with a young generation of a few megabytes,
	 * unless its minimum says otherwise; a run would then pay young collections that no warm application has, in
	 * proportion to what it allocates. A JVM never told to collect keeps its initial heap (1/64 of the memory, 380 MiB
	 * with 24 GiB).
	 */
	static final List<String> WARM_JVM_OPTIONS = List.of("-Xms256m");

	private final Settings settings;

	private final List<String> classpath;

	private final List<Result> results = new ArrayList<>();

	private final List<Fingerprint> fingerprints = new ArrayList<>();

	private final List<String> remarks = new ArrayList<>();

	private final Map<Integer, Workload> workloads = new LinkedHashMap<>();

	/** The engine's database at the largest workload's head, kept for the start-up case. */
	private Database engineAtHead;

	private Benchmarks(Settings settings) {
		this.settings = settings;
		this.classpath = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
		List<String> loggers = this.classpath.stream()
			.filter((entry) -> entry.matches(".*/(slf4j-simple|logback-classic|log4j-slf4j2?-impl)[^/]*\\.jar"))
			.toList();
		if (!loggers.isEmpty()) {
			throw new IllegalStateException("A logger on the benchmark's class path would make contenders log: " + loggers);
		}
	}

	public static void main(String[] args) throws Exception {
		Settings settings = Settings.fromSystemProperties();
		long start = System.nanoTime();
		Benchmarks benchmarks = new Benchmarks(settings);
		String postgres = Postgres.version();
		benchmarks.run();
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		Report report = new Report(settings, postgres, benchmarks.results, benchmarks.remarks, took);
		String markdown = report.markdown();
		Files.createDirectories(settings.results());
		Path file = settings.results().resolve(report.fileName());
		Files.writeString(file, markdown);
		System.out.println();
		System.out.println(markdown);
		System.out.println("Written to " + settings.root().relativize(file));
	}

	private void run() throws Exception {
		generateWorkloads();
		try {
			if (this.settings.runs(Settings.IN_PROCESS)) {
				inProcess();
			}
			if (this.settings.runs(Settings.WHOLE_PROCESS)) {
				wholeProcess();
				jvmAlone();
			}
			checkFingerprints();
			if (this.settings.runs(Settings.GRAPH)) {
				graph();
			}
			if (this.settings.runs(Settings.START_UP)) {
				if (this.engineAtHead == null) {
					this.engineAtHead = upgradedByEngine(largest());
				}
				bootStartup();
			}
			if (this.settings.runs(Settings.KIT)) {
				kit();
			}
			if (this.settings.runs(Settings.AUTOGENERATE)) {
				autogenerate();
			}
			if (this.settings.runs(Settings.TENANTS)) {
				tenants();
			}
		}
		finally {
			if (this.engineAtHead != null) {
				this.engineAtHead.drop();
			}
		}
	}

	private void generateWorkloads() throws IOException {
		Path work = this.settings.work();
		deleteTree(work);
		List<Integer> sizes = new ArrayList<>(this.settings.sizes());
		if (this.settings.runs(Settings.GRAPH)) {
			sizes.add(this.settings.graphSize());
		}
		for (int size : sizes.stream().distinct().toList()) {
			log("Generating " + size + " revisions with branches and merges (seed " + this.settings.seed() + ")");
			this.workloads.put(size, Workload.write(work.resolve("branched-" + size),
					RevisionSetGenerator.generate(size, Shape.BRANCHED, this.settings.seed())));
		}
	}

	private Workload largest() {
		return this.workloads.get(this.settings.largest());
	}

	/**
	 * The in-process cases, each contender in a warm JVM of its own, taking turns run by run: apply from empty at
	 * each size, then the no-op at the largest size's head.
	 */
	private void inProcess() throws Exception {
		Map<String, Worker> workers = new LinkedHashMap<>();
		try {
			for (String contender : this.settings.contenders()) {
				List<String> jvmOptions = new ArrayList<>(WARM_JVM_OPTIONS);
				if (this.settings.profile() && ENGINE.equals(contender)) {
					jvmOptions.add(flightRecording("engine-in-process"));
				}
				workers.put(contender, new Worker(java(contender, jvmOptions, ContenderWorker.class,
						List.of(contender)), ContenderWorker.REPLY));
			}
			for (int size : this.settings.sizes()) {
				log("In-process: apply " + size + " from empty");
				inTurns(workers, BenchmarkCase.APPLY.key(size), "apply", this.workloads.get(size),
						this.settings.warmups(), this.settings.runs());
			}
			log("In-process: no-op at the head of " + this.settings.largest());
			inTurns(workers, BenchmarkCase.NOOP.key(this.settings.largest()), "noop", largest(),
					this.settings.shortWarmups(), this.settings.shortRuns());
		}
		finally {
			for (Worker worker : workers.values()) {
				worker.close();
			}
		}
	}

	private void inTurns(Map<String, Worker> workers, String caseKey, String command, Workload workload,
			int warmups, int runs) throws Exception {
		Map<String, List<Harness.Sample>> samples = new LinkedHashMap<>();
		for (int i = 0; i < warmups + runs; i++) {
			for (Map.Entry<String, Worker> worker : workers.entrySet()) {
				String[] answer = worker.getValue().request(command, workload.root().toString());
				if (i >= warmups) {
					samples.computeIfAbsent(worker.getKey(), (name) -> new ArrayList<>())
						.add(new Harness.Sample(Long.parseLong(answer[0]), Long.parseLong(answer[1])));
				}
				if (answer.length > 2) {
					this.fingerprints.add(new Fingerprint(worker.getKey(), workload.size(), answer[2]));
				}
			}
		}
		samples.forEach((contender, list) -> this.results.add(Result.of(caseKey, contender, list)));
	}

	/**
	 * The whole-process cases, contenders taking turns: peak memory of an apply from empty (the last one leaves
	 * each contender's database at head), then {@code check} at head: this project's command-line jar where it is
	 * built, else a minimal main of the same calls.
	 */
	private void wholeProcess() throws Exception {
		Workload workload = largest();
		Map<String, Database> databases = new LinkedHashMap<>();
		Map<String, List<Long>> peaks = new LinkedHashMap<>();
		log("Whole process: apply " + workload.size() + " from empty, peak memory");
		for (int i = 0; i < this.settings.rssRuns(); i++) {
			for (String contender : this.settings.contenders()) {
				Database previous = databases.get(contender);
				if (previous != null) {
					previous.drop();
				}
				Database database = Postgres.create("bench_" + slug(contender) + "_process");
				databases.put(contender, database);
				ChildProcess.Run run = ChildProcess.run(java(contender, List.of(), OneShot.class,
						List.of(contender, "upgrade", database.url(), workload.root().toString())), true);
				peaks.computeIfAbsent(contender, (name) -> new ArrayList<>()).add(run.peakRssBytes());
			}
		}
		Map<String, List<String>> checks = new LinkedHashMap<>();
		for (String contender : this.settings.contenders()) {
			Database database = databases.get(contender);
			this.results.add(new Result(BenchmarkCase.RSS.key(workload.size()), contender, Result.Unit.BYTES,
					peaks.get(contender), List.of()));
			this.fingerprints.add(new Fingerprint(contender + " (process)", workload.size(),
					SchemaFingerprint.of(database.url())));
			checks.put(checkLabel(contender), checkCommand(contender, database, workload));
			if (ENGINE.equals(contender) && Files.isRegularFile(this.settings.cliJar())
					&& Files.isRegularFile(this.settings.cliLauncher())) {
				checks.put(ENGINE + " command", launcherCommand(database, workload));
			}
		}
		log("Whole process: check at the head of " + workload.size());
		Map<String, List<Long>> times = new LinkedHashMap<>();
		for (int i = 0; i < this.settings.warmups() + this.settings.runs(); i++) {
			for (Map.Entry<String, List<String>> check : checks.entrySet()) {
				long nanos = ChildProcess.run(check.getValue(), false).nanos();
				if (i >= this.settings.warmups()) {
					times.computeIfAbsent(check.getKey(), (name) -> new ArrayList<>()).add(nanos);
				}
			}
		}
		times.forEach((label, nanos) -> this.results.add(new Result(BenchmarkCase.CHECK_PROCESS.key(workload.size()),
				label, Result.Unit.NANOS, nanos, List.of())));
		for (Map.Entry<String, Database> database : databases.entrySet()) {
			if (ENGINE.equals(database.getKey())) {
				this.engineAtHead = database.getValue();
			}
			else {
				database.getValue().drop();
			}
		}
	}

	/** A fresh database that the engine took to the workload's head, for the start-up case run on its own. */
	private Database upgradedByEngine(Workload workload) throws Exception {
		log("Start-up database: the engine applies " + workload.size() + " revisions");
		Database database = Postgres.create("bench_" + slug(ENGINE) + "_process");
		ChildProcess.run(java(ENGINE, List.of(), OneShot.class,
				List.of(ENGINE, "upgrade", database.url(), workload.root().toString())), false);
		return database;
	}

	private String checkLabel(String contender) {
		if (!ENGINE.equals(contender)) {
			return contender;
		}
		return Files.isRegularFile(this.settings.cliJar()) ? ENGINE + " CLI" : ENGINE + " main";
	}

	/**
	 * {@code migrations check} as users run it, through the launcher script and its JVM options, with its class
	 * data sharing archive in the build directory (the warm-up run writes it).
	 */
	private List<String> launcherCommand(Database database, Workload workload) {
		return List.of("env", "JAVA_HOME=" + System.getProperty("java.home"),
				"XDG_CACHE_HOME=" + this.settings.work().resolve("cache"), "sh", this.settings.cliLauncher().toString(),
				"--url=" + database.url(), "--user=" + Postgres.user(), "--password=" + Postgres.password(),
				"--locations=filesystem:" + workload.engineScripts(), "check");
	}

	private List<String> checkCommand(String contender, Database database, Workload workload) {
		if (ENGINE.equals(contender) && Files.isRegularFile(this.settings.cliJar())) {
			return List.of(javaExecutable(), "-jar", this.settings.cliJar().toString(), "--url=" + database.url(),
					"--user=" + Postgres.user(), "--password=" + Postgres.password(),
					"--locations=filesystem:" + workload.engineScripts(), "check");
		}
		if (ENGINE.equals(contender)) {
			this.remarks.add("`check` as a whole process: " + this.settings.root().relativize(this.settings.cliJar())
					+ " was not built, so `migrations main` is a minimal main of ours calling "
					+ "`new Migrations(config, dataSource).check()`.");
		}
		return java(contender, List.of(), OneShot.class,
				List.of(contender, "check", database.url(), workload.root().toString()));
	}

	private void checkFingerprints() {
		Map<Integer, List<Fingerprint>> bySize = new LinkedHashMap<>();
		for (Fingerprint fingerprint : this.fingerprints) {
			bySize.computeIfAbsent(fingerprint.size(), (size) -> new ArrayList<>()).add(fingerprint);
		}
		bySize.forEach((size, prints) -> {
			if (prints.stream().map(Fingerprint::value).distinct().count() != 1) {
				throw new IllegalStateException("The contenders left different schemas for N=" + size + ": " + prints);
			}
			this.remarks.add("Every contender left the same schema after applying N=" + size + ": "
					+ prints.get(0).value() + ".");
		});
	}

	private void jvmAlone() throws Exception {
		log("JVM alone");
		this.results.add(new Result(BenchmarkCase.JVM_ALONE.key(0), "java", Result.Unit.NANOS,
				timeProcess(java(FLOOR, List.of(), OneShot.class, List.of())), List.of()));
	}

	private void graph() throws Exception {
		Workload workload = this.workloads.get(this.settings.graphSize());
		log("Graph cases: " + workload.size() + " revisions");
		List<String> jvmOptions = new ArrayList<>(WARM_JVM_OPTIONS);
		if (this.settings.profile()) {
			jvmOptions.add(flightRecording("engine-graph"));
		}
		String scripts = workload.engineScripts().toString();
		collect(ChildProcess.run(java(ENGINE, jvmOptions, GraphCases.class, List.of("warm", scripts,
				String.valueOf(this.settings.shortWarmups()), String.valueOf(this.settings.shortRuns()))), false).output());
		this.results.add(new Result(BenchmarkCase.GRAPH_COLD.key(workload.size()), ENGINE, Result.Unit.NANOS,
				timeProcess(java(ENGINE, List.of(), GraphCases.class, List.of("cold", scripts))), List.of()));
	}

	/** The test kit's cases, in this JVM, on a linear set of {@link KitCases#SIZE} revisions. */
	private void kit() throws IOException {
		log("Test kit: stairway and databases at head, " + KitCases.SIZE + " linear revisions");
		Path scripts = KitCases.writeLinearSet(this.settings.work().resolve("kit-linear-" + KitCases.SIZE),
				KitCases.SIZE);
		this.results.addAll(KitCases.measure(scripts, KitCases.SIZE, this.settings.warmups(), this.settings.runs()));
	}

	/** How many tenant schemas the tenant cases migrate ({@code bench.tenants}). */
	static int tenantCount() {
		return Integer.getInteger("bench.tenants", 1000);
	}

	/** The tenant cases, in this JVM: {@code bench.tenants} schemas, each through {@link TenantCases#REVISIONS}. */
	private void tenants() throws Exception {
		log("Tenants: " + tenantCount() + " schemas x " + TenantCases.REVISIONS + " revisions, "
				+ TenantCases.PARALLELISM + " at once");
		Path scripts = TenantCases.writeScripts(this.settings.work().resolve("tenants-" + TenantCases.REVISIONS));
		this.results.addAll(TenantCases.measure(scripts, tenantCount(), this.settings.warmups(), this.settings.runs()));
	}

	/**
	 * The autogenerate case in a warm JVM of its own, whose class path adds Hibernate and {@code migrations-jpa}
	 * (listed by the build in {@link Settings#autogenerateClasspath()}) to the engine's.
	 */
	private void autogenerate() throws Exception {
		int entities = this.settings.entities();
		log("Autogenerate: " + entities + " generated entities against " + entities + " tables");
		Path listed = this.settings.autogenerateClasspath();
		if (!Files.isRegularFile(listed)) {
			throw new IllegalStateException("No " + listed + ": build the benchmarks module with `package` or later");
		}
		List<String> hibernate = List.of(Files.readString(listed).strip().split(File.pathSeparator));
		List<String> command = java(ENGINE, WARM_JVM_OPTIONS, AutogenerateCases.class, List.of(String.valueOf(entities),
				this.settings.work().resolve("entities-" + entities).toString(), String.valueOf(this.settings.warmups()),
				String.valueOf(this.settings.runs())));
		int classpath = command.indexOf("-cp") + 1;
		command.set(classpath, command.get(classpath) + File.pathSeparator + String.join(File.pathSeparator, hibernate));
		List<String> output = ChildProcess.run(command, false).output();
		collect(output);
		output.stream()
			.filter((line) -> line.startsWith(AutogenerateCases.CHANGES))
			.map((line) -> line.split("\t", 3))
			.forEach((fields) -> this.remarks.add("Autogenerate: the diff found " + fields[1] + " changes: "
					+ fields[2] + "."));
	}

	/** The demo app's start-up with the starter, without it, and with Spring Boot's Flyway and Liquibase. */
	private void bootStartup() throws Exception {
		new BootStartup(this.settings, largest(), this.engineAtHead, this.results, this.remarks).run();
	}

	private List<Long> timeProcess(List<String> command) throws Exception {
		List<Long> nanos = new ArrayList<>();
		for (int i = 0; i < this.settings.warmups() + this.settings.runs(); i++) {
			long elapsed = ChildProcess.run(command, false).nanos();
			if (i >= this.settings.warmups()) {
				nanos.add(elapsed);
			}
		}
		return nanos;
	}

	private void collect(List<String> output) {
		for (String line : output) {
			Result result = Result.parse(line);
			if (result != null) {
				this.results.add(result);
			}
			Fingerprint fingerprint = Fingerprint.parse(line);
			if (fingerprint != null) {
				this.fingerprints.add(fingerprint);
			}
		}
	}

	/**
	 * A command that runs {@code main} in a new JVM with default settings, on our class path less the jars of the
	 * other contenders, passing on the {@code bench.*} system properties.
	 */
	private List<String> java(String contender, List<String> jvmOptions, Class<?> main, List<String> arguments) {
		List<String> command = new ArrayList<>();
		command.add(javaExecutable());
		command.addAll(jvmOptions);
		System.getProperties().stringPropertyNames().stream()
			.filter((name) -> name.startsWith("bench.postgres."))
			.sorted()
			.forEach((name) -> command.add("-D" + name + "=" + System.getProperty(name)));
		command.add("-cp");
		command.add(String.join(File.pathSeparator,
				this.classpath.stream().filter((entry) -> belongsTo(entry, contender)).toList()));
		command.add(main.getName());
		command.addAll(arguments);
		return command;
	}

	/**
	 * Whether a class path entry may be on the contender's class path: not another contender's own jar, nor the test
	 * kit, whose cases run in this JVM.
	 */
	private static boolean belongsTo(String entry, String contender) {
		String path = entry.replace('\\', '/');
		boolean engine = path.contains("/migrations-core") || path.contains("/migrations-spring-boot-autoconfigure");
		boolean flyway = path.contains("/flyway-");
		boolean liquibase = path.contains("/liquibase-");
		if (path.contains("/migrations-test")) {
			return false;
		}
		return switch (contender) {
			case ENGINE -> !flyway && !liquibase;
			case "Flyway" -> !engine && !liquibase;
			case "Liquibase" -> !engine && !flyway;
			default -> !engine && !flyway && !liquibase;
		};
	}

	private String flightRecording(String name) throws IOException {
		Files.createDirectories(this.settings.work());
		Path file = this.settings.work().resolve(name + ".jfr");
		return "-XX:StartFlightRecording=settings=profile,filename=" + file;
	}

	static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static String slug(String contender) {
		return contender.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
	}

	static void log(String message) {
		System.out.println("[bench] " + message);
	}

	private static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> {
				try {
					Files.delete(path);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

}
