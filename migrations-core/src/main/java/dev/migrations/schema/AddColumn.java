package dev.migrations.schema;

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

}
