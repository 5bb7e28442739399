package dev.migrations.benchmarks;

import java.util.Locale;

/**
 * The cases the benchmark measures. A case with a size is keyed {@code name-size} ({@code apply-1000}), so that one
 * run can hold the same case at several sizes.
 */
public enum BenchmarkCase {

	APPLY("apply N=%d from empty, in-process"),

	NOOP("no-op upgrade at head with N=%d applied, in-process"),

	RSS("peak RSS applying N=%d from empty, whole process"),

	CHECK_PROCESS("check at head with N=%d applied, whole process"),

	JVM_ALONE("JVM start and exit, nothing else, whole process"),

	GRAPH_WARM("load + validate + plan upgrade heads, %d revisions, in-process"),

	GRAPH_LOAD("  of which: load and parse the scripts"),

	GRAPH_BUILD("  of which: build and validate the graph"),

	GRAPH_PLAN("  of which: plan upgrade heads from empty"),

	GRAPH_COLD("load + validate + plan upgrade heads, %d revisions, whole process"),

	LINT_WARM("lint every revision, %d revisions loaded, in-process"),

	GRAPH_TEXT("history --graph at 80 columns, %d revisions in 50 parallel branches, in-process"),

	GRAPH_PAGE("operators' page (HTML, SVG, data), %d revisions in 50 parallel branches, in-process"),

	BOOT_STARTUP("Spring Boot demo start-up at head with N=%d, whole process"),

	BOOT_STARTER_COST("  cost: that start-up minus the disabled start-up of the same round, N=%d"),

	BOOT_STARTER_THREAD("  of which on the start-up thread: the starter's own log line ('checked in'), N=%d"),

	KIT_STAIRWAY("test kit: the whole stairway over %d linear revisions, in-process"),

	KIT_AT_HEAD("test kit: a new database at the head of %d linear revisions, in-process"),

	AUTOGENERATE("autogenerate: %d generated JPA entities against a schema of as many tables, model side included, in-process"),

	AUTOGENERATE_MODEL("  of which: the entities' schema (Hibernate's mapping, the scratch schema probed)"),

	AUTOGENERATE_DATABASE("  of which: read the database's catalog"),

	AUTOGENERATE_DIFF("  of which: compare the catalogs, write the SQL of both directions"),

	TENANTS_APPLY("%d tenant schemas x 20 revisions from empty, 4 at once, in-process (one run)"),

	TENANTS_NOOP("%d tenant schemas at head, 4 at once, in-process, warm");

	private final String title;

	BenchmarkCase(String title) {
		this.title = title;
	}

	public String key(int size) {
		return name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + size;
	}

	public String title(int size) {
		return String.format(Locale.ROOT, this.title, size);
	}

}
