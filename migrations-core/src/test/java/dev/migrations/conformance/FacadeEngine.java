package dev.migrations.conformance;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.migrations.Migrations;
import dev.migrations.config.MigrationsConfig;
import dev.migrations.execute.RunResult;
import dev.migrations.graph.PlanStep;
import dev.migrations.report.RevisionView;

/**
 * A scenario's commands through the facade on a real database; the version rows are read and planted with plain
 * JDBC, so the test sees what the database holds.
 */
public final class FacadeEngine implements ScenarioEngine {

	private final DataSource dataSource;

	private final Migrations migrations;

	public FacadeEngine(Scenario scenario, Path scriptsDirectory, DataSource dataSource) {
		Corpus.writeScripts(scenario, scriptsDirectory);
		this.dataSource = dataSource;
		this.migrations = new Migrations(
				MigrationsConfig.builder().locations("filesystem:" + scriptsDirectory).build(), dataSource);
	}

	@Override
	public List<String> rows() {
		try (Connection connection = this.dataSource.getConnection(); Statement statement = connection.createStatement()) {
			List<String> rows = new ArrayList<>();
			if (!versionTableExists(connection)) {
				return rows;
			}
			try (ResultSet result = statement.executeQuery("SELECT version_num FROM migrations_version")) {
				while (result.next()) {
					rows.add(result.getString(1));
				}
			}
			return rows;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean versionTableExists(Connection connection) throws SQLException {
		for (String name : List.of("migrations_version", "MIGRATIONS_VERSION")) {
			// The connection's own database: MariaDB's driver searches every database of the server for a null catalog.
			try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), null, name, null)) {
				if (tables.next()) {
					return true;
				}
			}
		}
		return false;
	}

	@Override
	public void plantRows(List<String> rows) {
		try (Connection connection = this.dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE IF NOT EXISTS migrations_version (version_num varchar(64) PRIMARY KEY)");
			statement.execute("DELETE FROM migrations_version");
			for (String row : rows) {
				statement.execute("INSERT INTO migrations_version (version_num) VALUES ('" + row + "')");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public List<String> upgrade(String target) {
		return log(this.migrations.upgrade(target));
	}

	@Override
	public List<String> downgrade(String target) {
		return log(this.migrations.downgrade(target));
	}

	@Override
	public List<String> stamp(List<String> targets, boolean purge) {
		return log(this.migrations.stamp(targets, purge));
	}

	private static List<String> log(RunResult result) {
		return result.steps().stream().map(PlanStep::describe).toList();
	}

	@Override
	public List<RevisionView> current() {
		return this.migrations.current();
	}

	@Override
	public List<RevisionView> heads(boolean resolveDependencies) {
		return this.migrations.heads(resolveDependencies);
	}

	@Override
	public List<RevisionView> branches() {
		return this.migrations.branches();
	}

	@Override
	public List<RevisionView> history(String range, boolean indicateCurrent) {
		return this.migrations.history(range, indicateCurrent);
	}

	@Override
	public List<RevisionView> show(String revision) {
		return this.migrations.show(revision);
	}

}
