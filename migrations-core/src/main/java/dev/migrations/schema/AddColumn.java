package dev.migrations.schema;

import java.util.Optional;

/**
 * A column to add to an existing table.
 *
 * @param table the table's name
 * @param column the column
 */
public record AddColumn(String table, Column column) implements SchemaChange {

	@Override
	public String description() {
		return "Detected added column '" + this.table + "." + this.column.name() + "'";
	}

	@Override
	public String subject() {
		return "column " + this.table + "." + this.column.name();
	}

	@Override
	public SchemaChange inverse() {
		return new DropColumn(this.table, this.column);
	}

	/** A NOT NULL column with nothing to fill it (no default, identity or expression) fails on a table with rows. */
	@Override
	public Optional<String> review() {
		boolean filled = this.column.nullable() || this.column.defaultExpression() != null
				|| this.column.identity() != null || this.column.generatedExpression() != null;
		return filled ? Optional.empty()
				: Optional.of("adds NOT NULL column " + this.table + "." + this.column.name()
						+ " without a default: fails if the table has rows; give it a default or backfill it first");
	}

}
