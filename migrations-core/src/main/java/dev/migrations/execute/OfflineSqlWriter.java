package dev.migrations.execute;

import java.util.List;

import dev.migrations.dialect.Dialect;
import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.graph.Direction;
import dev.migrations.graph.MigrationStep;
import dev.migrations.graph.Plan;
import dev.migrations.graph.PlanStep;
import dev.migrations.graph.StampStep;
import dev.migrations.script.MigrationBody;
import dev.migrations.script.RevisionScript;
import dev.migrations.sql.SqlSplitter;
import dev.migrations.sql.SqlStatement;
import dev.migrations.state.HistoryEntry;
import dev.migrations.state.HistoryTable;
import dev.migrations.state.VersionTable;

/**
 * Renders a plan as the SQL it would run, in order, version-table and history statements included, for a DBA to
 * review ({@code --sql}). Each transactional revision is wrapped in {@code BEGIN; ... COMMIT;}.
 */
final class OfflineSqlWriter {

	private final LoadedScripts scripts;

	private final Dialect dialect;

	private final VersionTable versionTable;

	private final HistoryTable historyTable;

	OfflineSqlWriter(LoadedScripts scripts, Dialect dialect, VersionTable versionTable, HistoryTable historyTable) {
		this.scripts = scripts;
		this.dialect = dialect;
		this.versionTable = versionTable;
		this.historyTable = historyTable;
	}

	String render(Plan plan, boolean createTables) {
		this.scripts.requireReversible(plan);
		StringBuilder sql = new StringBuilder();
		if (createTables) {
			this.versionTable.createSql().forEach((ddl) -> statement(sql, ddl));
			this.historyTable.createSql().forEach((ddl) -> statement(sql, ddl));
			sql.append('\n');
		}
		SqlSplitter splitter = SqlSplitter.of(this.dialect.syntax());
		for (PlanStep step : plan.steps()) {
			sql.append("-- ").append(step.describe()).append('\n');
			if (step instanceof StampStep stamp) {
				bookkeeping(sql, step, HistoryEntry.of(stamp, null, null));
				sql.append('\n');
				continue;
			}
			MigrationStep migration = (MigrationStep) step;
			RevisionScript script = this.scripts.script(migration.revision().id());
			MigrationBody body = (migration.direction() == Direction.UP) ? script.upgrade() : script.downgrade();
			if (!(body instanceof MigrationBody.Sql section)) {
				throw new MigrationsException(ErrorKind.CONFIG,
						"Revision " + script.id() + " is a Java migration (" + script.location()
								+ "); its SQL cannot be rendered offline",
						"Run this range online, or render the ranges before and after it");
			}
			if (script.transactional()) {
				sql.append("BEGIN;\n");
			}
			for (SqlStatement statement : splitter.split(section.sql(), section.firstLine())) {
				statement(sql, statement.sql());
			}
			bookkeeping(sql, step, List.of(HistoryEntry.of(migration, script.checksum(), null, null, true)));
			if (script.transactional()) {
				sql.append("COMMIT;\n");
			}
			sql.append('\n');
		}
		return sql.toString();
	}

	private void bookkeeping(StringBuilder sql, PlanStep step, List<HistoryEntry> history) {
		Bookkeeping.of(step, history, this.versionTable, this.historyTable)
			.statements()
			.forEach((statement) -> statement(sql, statement));
	}

	private static void statement(StringBuilder sql, String statement) {
		sql.append(statement.strip()).append(";\n");
	}

}
