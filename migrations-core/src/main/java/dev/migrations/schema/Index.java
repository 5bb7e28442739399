package dev.migrations.schema;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An index that backs no constraint (those come with their constraint).
 *
 * @param name its name
 * @param columns its keys in order
 * @param unique whether it is a unique index
 * @param predicate the {@code WHERE} of a partial index as the database reports it (PostgreSQL only), or {@code null}
 */
public record Index(String name, List<Key> columns, boolean unique, String predicate) implements TableElement {

	/**
	 * One key of an index.
	 *
	 * @param expression a column name, or an expression as the database reports it ({@code lower((email)::text)})
	 * @param descending whether it sorts in descending order
	 */
	public record Key(String expression, boolean descending) {

		@Override
		public String toString() {
			return this.expression + (this.descending ? " DESC" : "");
		}

	}

	public Index {
		columns = List.copyOf(columns);
	}

	@Override
	public String kind() {
		return this.unique ? "unique index" : "index";
	}

	@Override
	public String columnList() {
		return this.columns.stream().map(Key::toString).collect(Collectors.joining(", "));
	}

	@Override
	public String describe(String table) {
		return TableElement.super.describe(table) + ((this.predicate != null) ? " where " + this.predicate : "");
	}

}
