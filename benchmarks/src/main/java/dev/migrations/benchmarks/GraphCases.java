package dev.migrations.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.migrations.Migrations;
import dev.migrations.benchmarks.harness.Harness;
import dev.migrations.benchmarks.harness.Result;
import dev.migrations.config.MigrationsConfig;
import dev.migrations.graph.Plan;
import dev.migrations.graph.Planner;
import dev.migrations.graph.Target;
import dev.migrations.graph.Revision;
import dev.migrations.graph.RevisionGraph;
import dev.migrations.lint.LintOptions;
import dev.migrations.lint.LintReport;
import dev.migrations.script.Location;
import dev.migrations.script.RevisionScript;
import dev.migrations.script.ScriptLoader;

/**
 * A child JVM's main for the graph cases, which need no database: load and parse the scripts, build and validate
 * the revision graph, plan {@code upgrade heads} from an empty database, and lint every revision. {@code warm} measures the whole, each
 * part and, for scale, reading the same files alone, in this JVM and prints {@link Result} lines; {@code cold} does
 * the whole once, for timing the process. {@link DrawnCases} adds {@code history --graph} and the operators' page
 * over a graph of their own.
 *
 * <p>Arguments: {@code warm engine-scripts-dir warmups runs}, or {@code cold engine-scripts-dir}.
 */
public final class GraphCases {

	private GraphCases() {
	}

	public static void main(String[] args) throws Exception {
		Path scripts = Path.of(args[1]);
		if ("cold".equals(args[0])) {
			plan(graph(load(scripts)));
			return;
		}
		int warmups = Integer.parseInt(args[2]);
		int runs = Integer.parseInt(args[3]);
		List<Revision> revisions = load(scripts);
		RevisionGraph graph = graph(revisions);
		int size = revisions.size();
		if (plan(graph).steps().size() != size) {
			throw new IllegalStateException("The plan from empty does not run all " + size + " revisions");
		}
		String name = "migrations";
		print(BenchmarkCase.GRAPH_WARM.key(size), name,
				Harness.measure(warmups, runs, () -> scripts, (dir) -> plan(graph(load(dir))), (dir) -> {
				}));
		print(BenchmarkCase.GRAPH_LOAD.key(size), Report.READ_ALONE,
				Harness.measure(warmups, runs, () -> scripts, GraphCases::readAlone, (dir) -> {
				}));
		print(BenchmarkCase.GRAPH_LOAD.key(size), name,
				Harness.measure(warmups, runs, () -> scripts, GraphCases::load, (dir) -> {
				}));
		print(BenchmarkCase.GRAPH_BUILD.key(size), name,
				Harness.measure(warmups, runs, () -> revisions, GraphCases::graph, (list) -> {
				}));
		print(BenchmarkCase.GRAPH_PLAN.key(size), name,
				Harness.measure(warmups, runs, () -> graph, GraphCases::plan, (built) -> {
				}));
		Migrations linted = new Migrations(
				MigrationsConfig.builder().locations(List.of("filesystem:" + scripts)).build(), null);
		print(BenchmarkCase.LINT_WARM.key(size), name,
				Harness.measure(warmups, runs, () -> linted, GraphCases::lint, (engine) -> {
				}));
		DrawnCases.measure(warmups, runs);
	}

	/** Lints every revision, as {@code migrations lint} does without a database; the scripts stay loaded. */
	private static LintReport lint(Migrations migrations) {
		return migrations.lint(null, LintOptions.defaults());
	}

	private static List<Revision> load(Path scripts) {
		return ScriptLoader
			.load(Location.parseAll(List.of("filesystem:" + scripts)), GraphCases.class.getClassLoader(), List.of())
			.stream()
			.map(RevisionScript::revision)
			.toList();
	}

	/**
	 * The least loading can cost: list the workload's one directory of scripts and read the files on every core, as
	 * the loader does, without parsing or hashing them.
	 */
	private static long readAlone(Path scripts) {
		try (Stream<Path> files = Files.list(scripts)) {
			return files.filter((file) -> file.toString().endsWith(".sql")).toList().parallelStream().mapToLong((file) -> {
				try {
					return Files.readAllBytes(file).length;
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}).sum();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static RevisionGraph graph(List<Revision> revisions) {
		return RevisionGraph.of(revisions);
	}

	private static Plan plan(RevisionGraph graph) {
		return new Planner(graph).upgrade(List.of(), Target.HEADS);
	}

	static void print(String caseKey, String contender, List<Harness.Sample> samples) {
		System.out.println(Result.of(caseKey, contender, samples).toLine());
	}

}
