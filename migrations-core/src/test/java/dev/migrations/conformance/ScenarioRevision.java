package dev.migrations.conformance;

import java.util.List;

/**
 * A revision of a scenario as Alembic declared it.
 *
 * @param id the revision id
 * @param down the revised ids in declared order (empty for a base)
 * @param branchLabels declared labels
 * @param dependsOn declared dependencies
 * @param message the message ({@code ""} for none)
 * @param file Alembic's file name ({@code .py}); ours is the same with {@code .sql}
 */
public record ScenarioRevision(String id, List<String> down, List<String> branchLabels, List<String> dependsOn,
		String message, String file) {

	/** Our script's file name: the recorded name with {@code .py} replaced by {@code .sql}, so load order is the same. */
	public String sqlFileName() {
		return this.file.replaceFirst("\\.py$", ".sql");
	}

	/** The script contract §2 describes, with the idempotent DDL the corpus README prescribes. */
	public String script() {
		StringBuilder sql = new StringBuilder();
		sql.append("-- Revision ID: ").append(this.id).append('\n');
		sql.append("-- Revises: ").append(String.join(", ", this.down)).append('\n');
		sql.append("-- Create Date: 2024-01-01 00:00:00\n");
		sql.append("-- Message: ").append(this.message).append('\n');
		if (!this.branchLabels.isEmpty()) {
			sql.append("-- Branch Labels: ").append(String.join(", ", this.branchLabels)).append('\n');
		}
		if (!this.dependsOn.isEmpty()) {
			sql.append("-- Depends On: ").append(String.join(", ", this.dependsOn)).append('\n');
		}
		sql.append("\n-- migrate:upgrade\n");
		sql.append("CREATE TABLE IF NOT EXISTS t_").append(this.id).append(" (id integer primary key);\n");
		sql.append("\n-- migrate:downgrade\n");
		sql.append("DROP TABLE IF EXISTS t_").append(this.id).append(";\n");
		return sql.toString();
	}

}
