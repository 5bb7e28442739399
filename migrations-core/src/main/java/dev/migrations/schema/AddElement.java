package dev.migrations.schema;

/**
 * A key, constraint or index to add to a table.
 *
 * @param table the table's name
 * @param element what to add
 */
public record AddElement(String table, TableElement element) implements SchemaChange {

	@Override
	public String description() {
		return "Detected added " + ElementText.quoted(this.table, this.element);
	}

	@Override
	public String subject() {
		return this.element.describe(this.table);
	}

	@Override
	public SchemaChange inverse() {
		return new DropElement(this.table, this.element);
	}

}
