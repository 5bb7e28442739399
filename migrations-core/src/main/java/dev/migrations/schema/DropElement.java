package dev.migrations.schema;

/**
 * A key, constraint or index to drop from a table.
 *
 * @param table the table's name
 * @param element what to drop, as it was
 */
public record DropElement(String table, TableElement element) implements SchemaChange {

	@Override
	public String description() {
		return "Detected removed " + ElementText.quoted(this.table, this.element);
	}

	@Override
	public String subject() {
		return this.element.describe(this.table);
	}

	@Override
	public SchemaChange inverse() {
		return new AddElement(this.table, this.element);
	}

}
