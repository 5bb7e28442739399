package dev.migrations.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import dev.migrations.benchmarks.harness.ChildProcess;
import dev.migrations.benchmarks.harness.Postgres;
import dev.migrations.benchmarks.harness.Postgres.Database;
import dev.migrations.benchmarks.harness.Result;
import dev.migrations.benchmarks.harness.SchemaFingerprint;
import dev.migrations.benchmarks.workload.Workload;

/**
 * The demo app's start-up at the head of the largest workload, timed from process start to Spring Boot's "Started"
 * line, in rounds: the migrations starter disabled (the baseline), enabled with {@code on-startup=none}, enabled at
 * head, and the same application with Spring Boot's own Flyway and Liquibase integrations in its place, each on the
 * same revisions in its own format and on a database of its own at head. Every variant runs the demo app's one jar
 * through Spring Boot's {@code PropertiesLauncher}, whose {@code loader.path} adds the Flyway or Liquibase jars that
 * the build copied to {@code benchmarks/target/boot-tools/}: the demo app itself never depends on either. A tool's
 * cost is its start-up minus the disabled start-up of the same round.
 */
final class BootStartup {

	static final String FLYWAY = "demo, Spring Boot's Flyway at head";

	static final String LIQUIBASE = "demo, Spring Boot's Liquibase at head";

	private static final String LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

	private static final Pattern CHECKED_IN = Pattern.compile("checked in (\\d+) ms");

	private final Settings settings;

	private final Workload workload;

	private final Database engineAtHead;

	private final List<Result> results;

	private final List<String> remarks;

	BootStartup(Settings settings, Workload workload, Database engineAtHead, List<Result> results,
			List<String> remarks) {
		this.settings = settings;
		this.workload = workload;
		this.engineAtHead = engineAtHead;
		this.results = results;
		this.remarks = remarks;
	}

	/**
	 * One way of starting the demo.
	 *
	 * @param label its row in the table
	 * @param loaderPath the directory of the jars added to the demo's class path
	 * @param command the whole command line
	 * @param starterAtHead whether the starter runs and logs its own time
	 * @param ownDatabase the database that this variant's first start takes to head, or {@code null} when it
	 * starts on the engine's
	 */
	private record Variant(String label, Path loaderPath, List<String> command, boolean starterAtHead,
			Database ownDatabase) {
	}

	void run() throws Exception {
		Path demo = demoJar(this.settings.demoApp());
		if (demo == null) {
			this.remarks.add("Spring Boot start-up: not measured, " + this.settings.root()
				.relativize(this.settings.demoApp()) + " holds no executable demo-app jar with the starter.");
			return;
		}
		Benchmarks.log("Spring Boot start-up: " + demo.getFileName());
		Database flyway = Postgres.create("bench_boot_flyway");
		Database liquibase = Postgres.create("bench_boot_liquibase");
		try {
			Files.createDirectories(this.settings.bootTools().resolve("none"));
			List<Variant> variants = variants(demo, flyway, liquibase);
			for (Variant variant : variants) {
				if (variant.ownDatabase() != null) {
					prepareAtHead(variant);
				}
			}
			measure(variants);
		}
		finally {
			flyway.drop();
			liquibase.drop();
		}
	}

	private List<Variant> variants(Path demo, Database flyway, Database liquibase) {
		Path tools = this.settings.bootTools();
		Path none = tools.resolve("none");
		String disabled = "--migrations.enabled=false";
		return List.of(
				variant(Report.STARTER_DISABLED, demo, none, null, List.of(disabled), false),
				variant(Report.STARTER_IDLE, demo, none, null, List.of("--migrations.on-startup=none"), false),
				variant(Report.STARTER_ENABLED, demo, none, null, List.of(), true),
				variant(FLYWAY, demo, tools.resolve("flyway"), flyway, List.of(disabled,
						"--spring.flyway.locations=filesystem:" + this.workload.flywayScripts(),
						"--management.endpoints.web.exposure.include=health,flyway"), false),
				variant(LIQUIBASE, demo, tools.resolve("liquibase"), liquibase, List.of(disabled,
						"--spring.liquibase.change-log=file:"
								+ this.workload.liquibaseDirectory().resolve(Workload.LIQUIBASE_CHANGELOG),
						"--management.endpoints.web.exposure.include=health,liquibase"), false));
	}

	/**
	 * The demo on a database, the migrations starter pointed at the engine's scripts in every variant (disabled in
	 * some), on its own database or else on the engine's. Liquibase's analytics are off, as for the in-process
	 * contender: no call leaves the machine.
	 */
	private Variant variant(String label, Path demo, Path loaderPath, Database ownDatabase, List<String> arguments,
			boolean starterAtHead) {
		Database database = (ownDatabase != null) ? ownDatabase : this.engineAtHead;
		List<String> command = new ArrayList<>(List.of(Benchmarks.javaExecutable(), "-Dloader.path=" + loaderPath,
				"-Dliquibase.analytics.enabled=false", "-cp", demo.toString(), LAUNCHER, "--server.port=0",
				"--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + Postgres.user(),
				"--spring.datasource.password=" + Postgres.password(),
				"--migrations.locations=filesystem:" + this.workload.engineScripts()));
		command.addAll(arguments);
		return new Variant(label, loaderPath, command, starterAtHead, ownDatabase);
	}

	/**
	 * Takes an empty database to head by starting that variant once, unmeasured, so that the tool records its
	 * revisions as it will read them; then checks that it holds the schema the engine made.
	 */
	private void prepareAtHead(Variant variant) throws Exception {
		if (!Files.isDirectory(variant.loaderPath())) {
			throw new IllegalStateException("No " + variant.loaderPath() + ": build the benchmarks module with "
					+ "`package` or later, which copies Spring Boot's Flyway and Liquibase integrations there");
		}
		Benchmarks.log("Start-up database: " + variant.label() + " applies " + this.workload.size() + " revisions");
		startUp(variant.command());
		String engine = SchemaFingerprint.of(this.engineAtHead.url());
		String tool = SchemaFingerprint.of(variant.ownDatabase().url());
		if (!engine.equals(tool)) {
			throw new IllegalStateException(variant.label() + " left another schema than the engine: " + tool
					+ " instead of " + engine);
		}
	}

	private void measure(List<Variant> variants) throws Exception {
		Map<String, Rounds> rounds = new LinkedHashMap<>();
		variants.forEach((variant) -> rounds.put(variant.label(), new Rounds(variant)));
		for (int i = 0; i < this.settings.warmups() + this.settings.bootRuns(); i++) {
			Map<String, ChildProcess.Run> round = new LinkedHashMap<>();
			for (Variant variant : variants) {
				round.put(variant.label(), startUp(variant.command()));
			}
			if (i >= this.settings.warmups()) {
				long disabled = round.get(Report.STARTER_DISABLED).nanos();
				round.forEach((label, run) -> rounds.get(label).add(run, disabled));
			}
		}
		rounds.values().forEach(Rounds::addResults);
		this.remarks.add("Spring Boot start-up: every variant runs the demo app's jar with `java -cp <jar> "
				+ "-Dloader.path=<dir> " + LAUNCHER + "`; Spring Boot's Flyway and Liquibase variants add their jars "
				+ "through `loader.path` and start with the migrations starter disabled, on databases of their own "
				+ "that their first (unmeasured) start took to the same schema as the engine's.");
	}

	/** One variant's start-ups, its cost over the disabled start-up of each round, the starter's own time. */
	private final class Rounds {

		private final Variant variant;

		private final List<Long> startUps = new ArrayList<>();

		private final List<Long> added = new ArrayList<>();

		private final List<Long> onThread = new ArrayList<>();

		Rounds(Variant variant) {
			this.variant = variant;
		}

		void add(ChildProcess.Run run, long disabledNanos) {
			this.startUps.add(run.nanos());
			this.added.add(run.nanos() - disabledNanos);
			if (this.variant.starterAtHead()) {
				this.onThread.add(checkedInNanos(run.output()));
			}
		}

		void addResults() {
			int size = BootStartup.this.workload.size();
			String label = this.variant.label();
			List<Result> results = BootStartup.this.results;
			results.add(new Result(BenchmarkCase.BOOT_STARTUP.key(size), label, Result.Unit.NANOS, this.startUps,
					List.of()));
			if (label.equals(Report.STARTER_DISABLED) || label.equals(Report.STARTER_IDLE)) {
				return;
			}
			results.add(new Result(BenchmarkCase.BOOT_STARTER_COST.key(size), label, Result.Unit.NANOS, this.added,
					List.of()));
			if (!this.onThread.isEmpty()) {
				results.add(new Result(BenchmarkCase.BOOT_STARTER_THREAD.key(size), label, Result.Unit.NANOS,
						this.onThread, List.of()));
			}
		}

	}

	private static ChildProcess.Run startUp(List<String> command) throws Exception {
		return ChildProcess.runUntil(command, (line) -> line.contains("Started ") && line.contains(" seconds"), 30);
	}

	/** The time the starter reports for its start-up check ("... nothing to do (checked in 85 ms)"). */
	private static long checkedInNanos(List<String> output) {
		for (String line : output) {
			Matcher checked = CHECKED_IN.matcher(line);
			if (checked.find()) {
				return Long.parseLong(checked.group(1)) * 1_000_000L;
			}
		}
		throw new IllegalStateException("The demo with the starter at head did not log 'checked in <n> ms'");
	}

	/** The demo app's executable jar if it is built and holds the starter's auto-configuration, else null. */
	private static Path demoJar(Path directory) throws IOException {
		if (!Files.isDirectory(directory)) {
			return null;
		}
		try (Stream<Path> files = Files.list(directory)) {
			Path jar = files.filter((file) -> file.getFileName().toString().matches("demo-app-.*\\.jar"))
				.findFirst()
				.orElse(null);
			if (jar == null) {
				return null;
			}
			try (ZipFile zip = new ZipFile(jar.toFile())) {
				boolean withStarter = zip.stream()
					.anyMatch((entry) -> entry.getName().startsWith("BOOT-INF/lib/migrations-spring-boot-autoconfigure"));
				return withStarter ? jar : null;
			}
		}
	}

}
