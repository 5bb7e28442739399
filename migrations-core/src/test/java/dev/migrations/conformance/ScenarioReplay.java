package dev.migrations.conformance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replays a recorded scenario with a {@link StepRunner} and lists every difference from what Alembic did,
 * compared as the corpus README says: transitions in order, version rows as a set, an error where Alembic raised
 * one (naming the same ids), and the listing commands' text; with the project's deviations applied.
 */
public final class ScenarioReplay {

	/** Quoted tokens and 12-hex revision ids: what an error message must name to mean the same. */
	private static final Pattern NAMED = Pattern.compile("'([^'\\s]+)'|\\b([0-9a-f]{12})\\b");

	/** Comma-separated lists in parentheses, whose order Alembic takes from sets. */
	private static final Pattern LIST = Pattern.compile("\\(([^()]*, [^()]*)\\)");

	private final Map<String, Deviation> deviations;

	public ScenarioReplay(Map<String, Deviation> deviations) {
		this.deviations = deviations;
	}

	/** The differences, one line each; empty when the runner behaves as recorded. */
	public List<String> differences(Scenario scenario, StepRunner runner) {
		List<String> differences = new ArrayList<>();
		for (ScenarioStep step : scenario.steps()) {
			StepOutcome outcome = runner.run(step);
			String where = "step " + step + ": ";
			if (outcome.malformed() != null) {
				differences.add(where + outcome.malformed());
				continue;
			}
			Deviation deviation = this.deviations.get(Corpus.key(scenario.name(), step.index()));
			if (deviation != null) {
				String deviated = deviated(deviation, outcome);
				if (deviated != null) {
					differences.add(where + deviated);
				}
				if (deviation.resync()) {
					runner.resync(step.expect().versionRows());
				}
				continue;
			}
			List<String> mismatches = new ArrayList<>();
			for (Expectation expectation : step.acceptable()) {
				String mismatch = compare(step, expectation, outcome);
				if (mismatch == null) {
					mismatches.clear();
					break;
				}
				mismatches.add(mismatch);
			}
			if (!mismatches.isEmpty()) {
				differences.add(where + mismatches.get(0));
			}
		}
		return differences;
	}

	private static String deviated(Deviation deviation, StepOutcome outcome) {
		if (deviation.error() && outcome.error() == null) {
			return "(" + deviation.rule() + ") expected an error, got rows " + outcome.rows();
		}
		if (deviation.rowsUnchanged() && !new TreeSet<>(outcome.rowsBefore()).equals(new TreeSet<>(outcome.rows()))) {
			return "(" + deviation.rule() + ") rows changed from " + outcome.rowsBefore() + " to " + outcome.rows();
		}
		return null;
	}

	private static String compare(ScenarioStep step, Expectation expected, StepOutcome outcome) {
		if (expected.error()) {
			if (outcome.error() == null) {
				return "expected error [" + expected.errorMessage() + "], got success with rows " + outcome.rows();
			}
			for (String named : named(expected.errorMessage())) {
				if (!outcome.error().contains(named)) {
					return "error does not name " + named + ": [" + outcome.error() + "] vs Alembic's ["
							+ expected.errorMessage() + "]";
				}
			}
			return rowsDiffer(expected, outcome);
		}
		if (outcome.error() != null) {
			return "unexpected error [" + outcome.error() + "]";
		}
		if (expected.log() != null && !expected.log().equals(outcome.log())) {
			return "log " + outcome.log() + " instead of " + expected.log();
		}
		String rows = rowsDiffer(expected, outcome);
		return (rows != null) ? rows : stdoutDiffers(step, expected, outcome);
	}

	private static String rowsDiffer(Expectation expected, StepOutcome outcome) {
		if (!new TreeSet<>(expected.versionRows()).equals(new TreeSet<>(outcome.rows()))) {
			return "rows " + new TreeSet<>(outcome.rows()) + " instead of " + expected.versionRows();
		}
		return null;
	}

	private static String stdoutDiffers(ScenarioStep step, Expectation expected, StepOutcome outcome) {
		if (outcome.stdout() == null || expected.stdout() == null) {
			return null;
		}
		List<String> actual = outcome.stdout();
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

	/** The lines of a recorded stdout, without the final line break. */
	public static List<String> lines(String stdout) {
		if (stdout.isEmpty()) {
			return List.of();
		}
		String text = stdout.endsWith("\n") ? stdout.substring(0, stdout.length() - 1) : stdout;
		return Arrays.asList(text.split("\n", -1));
	}

	/** Lines with their comma-separated parenthesised lists sorted, then the lines sorted. */
	private static List<String> orderFree(List<String> lines) {
		return lines.stream().map((line) -> {
			Matcher matcher = LIST.matcher(line);
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

}
