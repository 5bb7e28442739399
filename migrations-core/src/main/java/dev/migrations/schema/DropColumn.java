package dev.migrations.schema;

import java.util.Optional;

/**
 * A column to drop from a table that stays.
 *
 * @param table the table's name
 * @param column the column as it was
 */
public record DropColumn(String table, Column column) implements SchemaChange {

	@Override
	public String description() {
		return "Detected removed column '" + this.table + "." + this.column.name() + "'";
	}

	@Override
	public String subject() {
		return "column " + this.table + "." + this.column.name();
	}

	@Override
	public SchemaChange inverse() {
		return new AddColumn(this.table, this.column);
	}

	@Override
	public Optional<String> review() {
		return Optional.of("drops column " + this.table + "." + this.column.name() + " and its values");
	}

}
