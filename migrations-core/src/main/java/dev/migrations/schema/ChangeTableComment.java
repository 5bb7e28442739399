package dev.migrations.schema;

/**
 * A table's comment that changes.
 *
 * @param table the table's name
 * @param from the comment before, or {@code null}
 * @param to the comment after, or {@code null}
 */
public record ChangeTableComment(String table, String from, String to) implements SchemaChange {

	@Override
	public String description() {
		return "Detected " + ((this.to == null) ? "removed " : "") + "table comment on '" + this.table + "'";
	}

	@Override
	public String subject() {
		return "comment on table " + this.table;
	}

	@Override
	public SchemaChange inverse() {
		return new ChangeTableComment(this.table, this.to, this.from);
	}

}
