package dev.migrations.schema;

import java.util.List;

/**
 * A unique constraint (on MariaDB, where it is a unique index, it is read as an {@link Index}).
 *
 * @param name its name; {@code null} on H2 when the database chose it
 * @param columns its columns in order
 */
public record UniqueConstraint(String name, List<String> columns) implements TableElement {

	public UniqueConstraint {
		columns = List.copyOf(columns);
	}

	@Override
	public String kind() {
		return "unique constraint";
	}

	@Override
	public String columnList() {
		return String.join(", ", this.columns);
	}

}
