package dev.migrations.schema;

import java.util.Optional;

/**
 * A table to drop, after its indexes and foreign keys ({@link DropElement}s of their own).
 *
 * @param table the table as it was, without indexes and foreign keys
 */
public record DropTable(Table table) implements SchemaChange {

	@Override
	public String description() {
		return "Detected removed table '" + this.table.name() + "'";
	}

	@Override
	public String subject() {
		return "table " + this.table.name();
	}

	@Override
	public SchemaChange inverse() {
		return new AddTable(this.table);
	}

	@Override
	public Optional<String> review() {
		return Optional.of("drops table " + this.table.name() + " and its rows");
	}

}
