package dev.migrations.schema;

import java.util.List;

/**
 * A primary key.
 *
 * @param name its name where the database keeps a meaningful one ({@code users_pkey} on PostgreSQL); {@code null} on
 * MariaDB (always {@code PRIMARY}) and on H2 when the database chose it
 * @param columns its columns in key order
 */
public record PrimaryKey(String name, List<String> columns) implements TableElement {

	public PrimaryKey {
		columns = List.copyOf(columns);
	}

	@Override
	public String kind() {
		return "primary key";
	}

	@Override
	public String columnList() {
		return String.join(", ", this.columns);
	}

}
