package dev.migrations.cli;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.migrations.conformance.ScenarioStep;
import dev.migrations.conformance.StepOutcome;
import dev.migrations.conformance.StepRunner;
import dev.migrations.testing.ServerDatabase;

/**
 * Runs a recorded scenario's steps through the built command, one process per step, reading the version rows with
 * JDBC; {@link dev.migrations.conformance.ScenarioReplay} compares what came of them with what Alembic did.
 */
final class CommandLineReplay implements StepRunner {

	private static final List<String> LISTINGS = List.of("current", "heads", "branches", "history");

	private final MigrationsJar jar;

	private final ServerDatabase database;

	CommandLineReplay(MigrationsJar jar, ServerDatabase database) {
		this.jar = jar.on(database);
		this.database = database;
	}

	@Override
	public StepOutcome run(ScenarioStep step) {
		List<String> before = rows();
		if (step.command().equals("_set_version_rows")) {
			plantRows(step.args());
			return new StepOutcome(before, rows(), List.of(), null, null, null);
		}
		MigrationsJar.Result result = this.jar
			.run(Stream.concat(Stream.of(step.command()), step.args().stream()).toList());
		boolean verbose = step.args().contains("--verbose") || step.args().contains("-v");
		boolean listing = LISTINGS.contains(step.command()) && !verbose;
		boolean failed = result.exitCode() == 1;
		String error = failed ? result.errorLines().get(0).substring("FAILED: ".length()) : null;
		List<String> printed = failed ? List.of() : result.lines();
		return new StepOutcome(before, rows(), listing ? List.of() : printed, listing ? printed : null, error,
				malformed(result));
	}

	@Override
	public void resync(List<String> rows) {
		this.jar.run(Stream.concat(Stream.of("stamp", "--purge"), (rows.isEmpty() ? List.of("base") : rows).stream())
			.toList());
	}

	/** What every run must look like: exit 0 or 1 (never a usage error), a failure in two lines, no stack trace. */
	private static String malformed(MigrationsJar.Result result) {
		if (result.exitCode() != 0 && result.exitCode() != 1) {
			return "exit code " + result.exitCode() + "\n" + result;
		}
		if (result.stderr().contains("\tat ")) {
			return "stack trace on stderr\n" + result;
		}
		if (result.exitCode() == 1 && (!result.stderr().startsWith("FAILED: ") || result.errorLines().size() > 2)) {
			return "failure not reported as 'FAILED: <cause>' and one hint line\n" + result;
		}
		return null;
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
		// The connection's own database: MariaDB's driver searches every database of the server for a null catalog.
		try (ResultSet tables = metaData.getTables(connection.getCatalog(), null, "migrations_version", null)) {
			return tables.next();
		}
	}

}
