package dev.migrations.benchmarks;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What one benchmark run does, from system properties ({@code -Dbench.sizes=100,1000} and so on) with the defaults
 * of the published table.
 *
 * @param root the repository root
 * @param sizes the workload sizes of the database cases, ascending; the largest is also used for the no-op,
 * whole-process, memory and start-up cases
 * @param graphSize the size of the graph cases' workload
 * @param warmups warm-up runs before the measured ones of the apply and whole-process cases
 * @param shortWarmups warm-up runs before the measured ones of the short in-process cases (no-op, graph), which one
 * run does not warm
 * @param runs measured runs per case
 * @param shortRuns measured runs of the short in-process cases, whose medians need more runs to settle on a shared
 * machine
 * @param rssRuns whole-process applies per contender for peak memory
 * @param bootRuns measured rounds of Spring Boot start-ups (starter disabled, idle, at head; Spring Boot's Flyway
 * and Liquibase at head)
 * @param entities the size of the autogenerate case: entities in the model, tables in the schema
 * @param seed the generator's seed
 * @param contenders the contenders to run, in table order
 * @param profile whether to record the engine's in-process cases with Java Flight Recorder
 * @param groups the groups of cases to run, of {@link #ALL_GROUPS}
 */
record Settings(Path root, List<Integer> sizes, int graphSize, int warmups, int shortWarmups, int runs, int shortRuns,
		int rssRuns, int bootRuns, int entities,
		long seed,
		List<String> contenders, boolean profile, List<String> groups) {

	static final List<String> ALL_CONTENDERS = List.of("JDBC floor", "migrations", "Flyway", "Liquibase");

	static final String IN_PROCESS = "in-process";

	static final String WHOLE_PROCESS = "whole-process";

	static final String GRAPH = "graph";

	static final String START_UP = "start-up";

	static final String KIT = "kit";

	static final String AUTOGENERATE = "autogenerate";

	static final String TENANTS = "tenants";

	static final List<String> ALL_GROUPS = List.of(IN_PROCESS, WHOLE_PROCESS, GRAPH, START_UP, KIT, AUTOGENERATE,
			TENANTS);

	static Settings fromSystemProperties() {
		return new Settings(Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize(),
				Arrays.stream(System.getProperty("bench.sizes", "100,1000").split(","))
					.map(String::trim)
					.map(Integer::valueOf)
					.sorted()
					.toList(),
				Integer.getInteger("bench.graph.size", 10_000), Integer.getInteger("bench.warmups", 1),
				Integer.getInteger("bench.short.warmups", 30), Integer.getInteger("bench.runs", 5),
				Integer.getInteger("bench.short.runs", 25), Integer.getInteger("bench.rss.runs", 3),
				Integer.getInteger("bench.boot.runs", 10), Integer.getInteger("bench.autogenerate.entities", 500),
				Long.getLong("bench.seed", 20261121L),
				Arrays.stream(System.getProperty("bench.contenders", String.join(",", ALL_CONTENDERS)).split(","))
					.map(String::trim)
					.toList(),
				Boolean.getBoolean("bench.profile"),
				groups(System.getProperty("bench.cases", String.join(",", ALL_GROUPS))));
	}

	/** The groups a {@code bench.cases} value names; an unknown one is an error that lists the known. */
	static List<String> groups(String value) {
		List<String> groups = Arrays.stream(value.split(",")).map(String::trim).toList();
		for (String group : groups) {
			if (!ALL_GROUPS.contains(group)) {
				throw new IllegalArgumentException("bench.cases: unknown group '" + group + "'; use some of "
						+ String.join(",", ALL_GROUPS));
			}
		}
		return groups;
	}

	boolean runs(String group) {
		return this.groups.contains(group);
	}

	int largest() {
		return this.sizes.get(this.sizes.size() - 1);
	}

	/** Where workloads and recordings go: the build directory, never committed. */
	Path work() {
		return this.root.resolve("benchmarks/target/bench");
	}

	/** Where result tables go. */
	Path results() {
		return this.root.resolve("benchmarks/results");
	}

	/** This project's command-line jar, which another module builds. */
	Path cliJar() {
		return this.root.resolve("migrations-cli/target/migrations.jar");
	}

	/** The command's launcher script, which runs that jar with the JVM options it chooses. */
	Path cliLauncher() {
		return this.root.resolve("migrations-cli/bin/migrations");
	}

	Path demoApp() {
		return this.root.resolve("demo-app/target");
	}

	/** Spring Boot's Flyway and Liquibase integrations with their tools, one directory each, which the build copies. */
	Path bootTools() {
		return this.root.resolve("benchmarks/target/boot-tools");
	}

	/** The class path entries (Hibernate, migrations-jpa) that the build lists for the autogenerate case alone. */
	Path autogenerateClasspath() {
		return this.root.resolve("benchmarks/target/autogenerate.classpath");
	}

}
