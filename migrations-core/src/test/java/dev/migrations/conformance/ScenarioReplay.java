package dev.migrations.conformance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrations.MigrationsException;
import dev.migrations.report.AlembicText;
import dev.migrations.report.RevisionView;

/**
 * Replays a recorded scenario against a {@link ScenarioEngine} and lists every difference from what Alembic did,
 * compared as the corpus README says: transitions in order, version rows as a set, an error where Alembic raised
 * one (naming the same ids), and the listing commands' text; with the project's deviations applied.
 */
public final class ScenarioReplay {

	/** Quoted tokens and 12-hex revision ids: what an error message must name to mean the same. */
	private static final Pattern NAMED = Pattern.compile("'([^'\\s]+)'|\\b([0-9a-f]{12})\\b");

	private final Map<String, Deviation> deviations;

	public ScenarioReplay(Map<String, Deviation> deviations) {
		this.deviations = deviations;
	}

	/** The differences, one line each; empty when the engine behaves as recorded. */
	public List<String> differences(Scenario scenario, ScenarioEngine engine) {
		List<String> differences = new ArrayList<>();
		for (ScenarioStep step : scenario.steps()) {
			Deviation deviation = this.deviations.get(Corpus.key(scenario.name(), step.index()));
			Outcome outcome = run(engine, step);
			if (deviation != null) {
				checkDeviation(step, deviation, outcome, differences);
				if (deviation.resync()) {
					List<String> recorded = step.expect().versionRows();
					engine.stamp(recorded.isEmpty() ? List.of("base") : recorded, true);
				}
				continue;
			}
			List<String> mismatches = new ArrayList<>();
			for (Expectation expectation : step.acceptable()) {
				String mismatch = compare(step, expectation, outcome);
				if (mismatch == null) {
					mismatches = null;
					break;
				}
				mismatches.add(mismatch);
			}
			if (mismatches != null) {
				differences.add("step " + step + ": " + mismatches.get(0));
			}
		}
		return differences;
	}

	private void checkDeviation(ScenarioStep step, Deviation deviation, Outcome outcome, List<String> differences) {
		if (deviation.error() && outcome.error == null) {
			differences.add("step " + step + " (" + deviation.rule() + "): expected an error, got rows " + outcome.rows);
		}
		if (deviation.rowsUnchanged() && !new HashSet<>(outcome.rows).equals(new HashSet<>(outcome.rowsBefore))) {
			differences.add("step " + step + " (" + deviation.rule() + "): rows changed from " + outcome.rowsBefore
					+ " to " + outcome.rows);
		}
	}

	private static String compare(ScenarioStep step, Expectation expected, Outcome outcome) {
		if (expected.error()) {
			if (outcome.error == null) {
				return "expected error [" + expected.errorMessage() + "], got success with rows " + outcome.rows;
			}
			for (String named : named(expected.errorMessage())) {
				if (!outcome.error.contains(named)) {
					return "error does not name " + named + ": [" + outcome.error + "] vs Alembic's ["
							+ expected.errorMessage() + "]";
				}
			}
			return rowsDiffer(expected, outcome);
		}
		if (outcome.error != null) {
			return "unexpected error [" + outcome.error + "]";
		}
		if (expected.log() != null && !expected.log().equals(outcome.log)) {
			return "log " + outcome.log + " instead of " + expected.log();
		}
		String rows = rowsDiffer(expected, outcome);
		if (rows != null) {
			return rows;
		}
		return stdoutDiffers(step, expected, outcome);
	}

	private static String rowsDiffer(Expectation expected, Outcome outcome) {
		if (!new TreeSet<>(expected.versionRows()).equals(new TreeSet<>(outcome.rows))) {
			return "rows " + new TreeSet<>(outcome.rows) + " instead of " + expected.versionRows();
		}
		return null;
	}

	private static String stdoutDiffers(ScenarioStep step, Expectation expected, Outcome outcome) {
		if (outcome.stdout == null || expected.stdout() == null || step.args().contains("--verbose")) {
			return null;
		}
		List<String> actual = outcome.stdout;
		List<String> wanted = lines(expected.stdout());
		if (expected.stdoutLinesSorted() != null) {
			wanted = expected.stdoutLinesSorted();
			actual = actual.stream().sorted().toList();
		}
		if (step.orderingOnly()) {
			wanted = orderFree(wanted);
			actual = orderFree(actual);
		}
		return wanted.equals(actual) ? null : "stdout " + actual + " instead of " + wanted;
	}

	private static List<String> lines(String stdout) {
		if (stdout.isEmpty()) {
			return List.of();
		}
		String text = stdout.endsWith("\n") ? stdout.substring(0, stdout.length() - 1) : stdout;
		return Arrays.asList(text.split("\n", -1));
	}

	/** Lines with their comma-separated parenthesised lists sorted, then the lines sorted. */
	private static List<String> orderFree(List<String> lines) {
		Pattern list = Pattern.compile("\\(([^()]*, [^()]*)\\)");
		return lines.stream().map((line) -> {
			Matcher matcher = list.matcher(line);
			StringBuilder out = new StringBuilder();
			while (matcher.find()) {
				List<String> items = new ArrayList<>(Arrays.asList(matcher.group(1).split(", ")));
				items.sort(null);
				matcher.appendReplacement(out, Matcher.quoteReplacement("(" + String.join(", ", items) + ")"));
			}
			matcher.appendTail(out);
			return out.toString();
		}).sorted().toList();
	}

	private static List<String> named(String message) {
		List<String> named = new ArrayList<>();
		Matcher matcher = NAMED.matcher(message);
		while (matcher.find()) {
			named.add((matcher.group(1) != null) ? "'" + matcher.group(1) + "'" : matcher.group(2));
		}
		return named;
	}

	private record Outcome(List<String> rowsBefore, List<String> rows, List<String> log, List<String> stdout,
			String error) {
	}

	private static Outcome run(ScenarioEngine engine, ScenarioStep step) {
		List<String> before = engine.rows();
		List<String> log = List.of();
		List<String> stdout = null;
		String error = null;
		try {
			switch (step.command()) {
				case "_set_version_rows" -> engine.plantRows(step.args());
				case "upgrade" -> log = engine.upgrade(step.args().isEmpty() ? "head" : step.args().get(0));
				case "downgrade" -> log = engine.downgrade(step.args().get(0));
				case "stamp" -> {
					boolean purge = step.args().contains("--purge");
					log = engine.stamp(step.args().stream().filter((arg) -> !arg.equals("--purge")).toList(), purge);
				}
				case "current" -> stdout = AlembicText.current(engine.current());
				case "heads" -> stdout = AlembicText.heads(engine.heads(step.args().contains("--resolve-dependencies")));
				case "branches" -> stdout = AlembicText.branches(engine.branches(), (id) -> engine.show(id).get(0));
				case "history" -> stdout = AlembicText.history(engine.history(range(step.args()),
						step.args().contains("-i") || step.args().contains("--indicate-current")));
				case "show" -> engine.show(step.args().get(0));
				default -> throw new IllegalArgumentException("Unknown scenario command " + step.command());
			}
		}
		catch (MigrationsException ex) {
			error = ex.getMessage();
		}
		return new Outcome(before, engine.rows(), log, stdout, error);
	}

	private static String range(List<String> args) {
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if ((arg.equals("-r") || arg.equals("--rev-range")) && i + 1 < args.size()) {
				return args.get(i + 1);
			}
			if (arg.startsWith("--rev-range=")) {
				return arg.substring("--rev-range=".length());
			}
		}
		return null;
	}

}
