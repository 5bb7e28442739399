package dev.migrations.schema;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A foreign key.
 *
 * @param name its name
 * @param columns the referencing columns in order
 * @param targetSchema the schema of the referenced table when it is not the catalog's own, else {@code null}
 * @param targetTable the referenced table
 * @param targetColumns the referenced columns, in the order of {@code columns}
 * @param onDelete what a delete of the referenced row does
 * @param onUpdate what an update of the referenced key does
 */
public record ForeignKey(String name, List<String> columns, String targetSchema, String targetTable,
		List<String> targetColumns, Action onDelete, Action onUpdate) implements TableElement {

	/** The referential actions, as SQL spells them. */
	public enum Action {

		NO_ACTION, RESTRICT, CASCADE, SET_NULL, SET_DEFAULT;

		/** The action as SQL: {@code SET NULL}. */
		public String sql() {
			return name().replace('_', ' ');
		}

		/** An action as a catalog reports it: {@code SET NULL}, {@code set_null}, {@code NO ACTION}. */
		public static Action parse(String text) {
			return valueOf(text.trim().toUpperCase(Locale.ROOT).replace(' ', '_'));
		}

	}

	public ForeignKey {
		columns = List.copyOf(columns);
		targetColumns = List.copyOf(targetColumns);
	}

	@Override
	public String kind() {
		return "foreign key";
	}

	@Override
	public String columnList() {
		return String.join(", ", this.columns);
	}

	/** The referenced table and columns: {@code orgs(id)}. */
	public String target() {
		return ((this.targetSchema != null) ? this.targetSchema + "." : "") + this.targetTable + "("
				+ String.join(", ", this.targetColumns) + ")";
	}

	@Override
	public String describe(String table) {
		return TableElement.super.describe(table) + " to " + target() + " on delete " + this.onDelete.sql().toLowerCase(Locale.ROOT)
				+ " on update " + this.onUpdate.sql().toLowerCase(Locale.ROOT);
	}

	/**
	 * Whether the two keys are the same but for their names: a key a script declared unnamed is named by the database
	 * ({@code note_tags_note_id_fkey}, {@code CONSTRAINT_1}), the same key from JPA entities by Hibernate.
	 */
	public boolean sameDefinition(ForeignKey other) {
		return this.columns.equals(other.columns) && Objects.equals(this.targetSchema, other.targetSchema)
				&& this.targetTable.equals(other.targetTable) && this.targetColumns.equals(other.targetColumns)
				&& this.onDelete == other.onDelete && this.onUpdate == other.onUpdate;
	}

}
