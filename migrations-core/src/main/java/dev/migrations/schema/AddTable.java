package dev.migrations.schema;

/**
 * A table to create, with its columns, primary key, unique and check constraints; its indexes and foreign keys
 * are {@link AddElement}s of their own, added once every table exists.
 *
 * @param table the table, without indexes and foreign keys
 */
public record AddTable(Table table) implements SchemaChange {

	@Override
	public String description() {
		return "Detected added table '" + this.table.name() + "'";
	}

	@Override
	public String subject() {
		return "table " + this.table.name();
	}

	@Override
	public SchemaChange inverse() {
		return new DropTable(this.table);
	}

}
