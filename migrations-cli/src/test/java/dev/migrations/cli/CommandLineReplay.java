package dev.migrations.cli;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.migrations.conformance.Corpus;
import dev.migrations.conformance.Deviation;
import dev.migrations.conformance.Expectation;
import dev.migrations.conformance.Scenario;
import dev.migrations.conformance.ScenarioStep;
import dev.migrations.testing.PostgresDatabase;

/**
 * Replays a recorded Alembic scenario through the built command, one process per step, and lists every difference
 * from what Alembic did, as the corpus README says to compare: the {@code Running ...} lines in order, the version
 * rows (read with JDBC) as a set, exit code 1 with a message naming the same ids where Alembic raised, and the
 * listing commands' stdout; with the project's deviations applied.
 */
final class CommandLineReplay {

	/** Quoted tokens and 12-hex revision ids: what an error message must name to mean the same as Alembic's. */
	private static final Pattern NAMED = Pattern.compile("'([^'\\s]+)'|\\b([0-9a-f]{12})\\b");

	/** Comma-separated lists in parentheses, whose order Alembic takes from sets. */
	private static final Pattern LIST = Pattern.compile("\\(([^()]*, [^()]*)\\)");

	private final MigrationsJar jar;

	private final PostgresDatabase database;

	private final Map<String, Deviation> deviations;

	CommandLineReplay(MigrationsJar jar, PostgresDatabase database, Map<String, Deviation> deviations) {
		this.jar = jar.on(database);
		this.database = database;
		this.deviations = deviations;
	}

	/** The differences, one line each; empty when the command behaves as recorded. */
	List<String> differences(Scenario scenario) {
		List<String> differences = new ArrayList<>();
		for (ScenarioStep step : scenario.steps()) {
			List<String> rowsBefore = rows();
			Outcome outcome = run(step);
			String where = "step " + step + ": ";
			String malformed = malformed(outcome);
			if (malformed != null) {
				differences.add(where + malformed + "\n" + outcome.result());
				continue;
			}
			Deviation deviation = this.deviations.get(Corpus.key(scenario.name(), step.index()));
			if (deviation != null) {
				String deviated = deviated(deviation, outcome, rowsBefore);
				if (deviated != null) {
					differences.add(where + deviated);
				}
				if (deviation.resync()) {
					List<String> recorded = step.expect().versionRows();
					this.jar.run(Stream.concat(Stream.of("stamp", "--purge"),
							(recorded.isEmpty() ? List.of("base") : recorded).stream()).toList());
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

	private Outcome run(ScenarioStep step) {
		if (step.command().equals("_set_version_rows")) {
			plantRows(step.args());
			return new Outcome(null, rows());
		}
		List<String> args = Stream.concat(Stream.of(step.command()), step.args().stream()).toList();
		MigrationsJar.Result result = this.jar.run(args);
		return new Outcome(result, rows());
	}

	/** What every run must look like: exit 0 or 1 (never a usage error), a failure in two lines, no stack trace. */
	private static String malformed(Outcome outcome) {
		MigrationsJar.Result result = outcome.result();
		if (result == null) {
			return null;
		}
		if (result.exitCode() != 0 && result.exitCode() != 1) {
			return "exit code " + result.exitCode();
		}
		if (result.stderr().contains("\tat ")) {
			return "stack trace on stderr";
		}
		if (result.exitCode() == 1 && (!result.stderr().startsWith("FAILED: ") || result.errorLines().size() > 2)) {
			return "failure not reported as 'FAILED: <cause>' and one hint line";
		}
		return null;
	}

	private static String deviated(Deviation deviation, Outcome outcome, List<String> rowsBefore) {
		if (deviation.error() && outcome.error() == null) {
			return "(" + deviation.rule() + ") expected an error, got rows " + outcome.rows();
		}
		if (deviation.rowsUnchanged() && !new TreeSet<>(rowsBefore).equals(new TreeSet<>(outcome.rows()))) {
			return "(" + deviation.rule() + ") rows changed from " + rowsBefore + " to " + outcome.rows();
		}
		return null;
	}

	private static String compare(ScenarioStep step, Expectation expected, Outcome outcome) {
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
		if (expected.log() != null && outcome.result() != null && !expected.log().equals(outcome.result().lines())) {
			return "printed " + outcome.result().lines() + " instead of " + expected.log();
		}
		String rows = rowsDiffer(expected, outcome);
		return (rows != null) ? rows : stdoutDiffers(step, expected, outcome);
	}

	private static String rowsDiffer(Expectation expected, Outcome outcome) {
		if (!new TreeSet<>(expected.versionRows()).equals(new TreeSet<>(outcome.rows()))) {
			return "rows " + new TreeSet<>(outcome.rows()) + " instead of " + expected.versionRows();
		}
		return null;
	}

	private static String stdoutDiffers(ScenarioStep step, Expectation expected, Outcome outcome) {
		boolean listing = List.of("current", "heads", "branches", "history").contains(step.command());
		boolean verbose = step.args().contains("--verbose") || step.args().contains("-v");
		if (!listing || verbose || expected.stdout() == null) {
			return null;
		}
		List<String> actual = outcome.result().lines();
		List<String> wanted = MigrationsJar.Result.linesOf(expected.stdout());
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

	/** Lines with their comma-separated parenthesised lists sorted, then the lines sorted. */
	private static List<String> orderFree(List<String> lines) {
		return lines.stream().map((line) -> {
			Matcher matcher = LIST.matcher(line);
			StringBuilder sorted = new StringBuilder();
			while (matcher.find()) {
				List<String> items = new ArrayList<>(Arrays.asList(matcher.group(1).split(", ")));
				items.sort(null);
				matcher.appendReplacement(sorted, Matcher.quoteReplacement("(" + String.join(", ", items) + ")"));
			}
			matcher.appendTail(sorted);
			return sorted.toString();
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

	/** The version rows, read with JDBC; none when the table does not exist. */
	private List<String> rows() {
		try (Connection connection = this.database.connect()) {
			if (!versionTableExists(connection)) {
				return List.of();
			}
			List<String> rows = new ArrayList<>();
			try (Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("SELECT version_num FROM migrations_version")) {
				while (result.next()) {
					rows.add(result.getString(1));
				}
			}
			return rows;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot read the version rows of " + this.database.name(), ex);
		}
	}

	/** The corpus' {@code _set_version_rows}: replaces the rows, creating the table if needed. */
	private void plantRows(List<String> rows) {
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE IF NOT EXISTS migrations_version (version_num varchar(64) primary key)");
			statement.execute("DELETE FROM migrations_version");
			try (PreparedStatement insert = connection
				.prepareStatement("INSERT INTO migrations_version (version_num) VALUES (?)")) {
				for (String row : rows) {
					insert.setString(1, row);
					insert.executeUpdate();
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot plant version rows " + rows, ex);
		}
	}

	private static boolean versionTableExists(Connection connection) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		try (ResultSet tables = metaData.getTables(null, null, "migrations_version", null)) {
			return tables.next();
		}
	}

	/**
	 * One step's result.
	 *
	 * @param result the process run; {@code null} for {@code _set_version_rows}, which writes with JDBC
	 * @param rows the version rows afterwards
	 */
	private record Outcome(MigrationsJar.Result result, List<String> rows) {

		/** The failure's cause line, or {@code null} when the command succeeded. */
		String error() {
			if (this.result == null || this.result.exitCode() == 0) {
				return null;
			}
			return this.result.errorLines().get(0).substring("FAILED: ".length());
		}

	}

}
