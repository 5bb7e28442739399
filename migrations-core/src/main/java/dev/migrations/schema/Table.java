package dev.migrations.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A base table. Columns are sorted by name, not by position: a column dropped and added back lands last, and
 * the diff does not treat position as a difference (as Alembic does not), so neither does equality.
 *
 * @param name the name as the database stores it
 * @param columns its columns, by name
 * @param primaryKey its primary key, or {@code null}
 * @param uniqueConstraints its unique constraints (on MariaDB, unique indexes are {@link Index}es instead)
 * @param indexes its indexes that back no constraint
 * @param foreignKeys its foreign keys
 * @param checkConstraints its check constraints
 * @param comment its comment, or {@code null}
 */
public record Table(String name, List<Column> columns, PrimaryKey primaryKey, List<UniqueConstraint> uniqueConstraints,
		List<Index> indexes, List<ForeignKey> foreignKeys, List<CheckConstraint> checkConstraints, String comment) {

	public Table {
		columns = columns.stream().sorted(Comparator.comparing(Column::name)).toList();
		uniqueConstraints = TableElement.sorted(uniqueConstraints);
		indexes = TableElement.sorted(indexes);
		foreignKeys = TableElement.sorted(foreignKeys);
		checkConstraints = TableElement.sorted(checkConstraints);
	}

	/** The column of that exact name, if the table has one. */
	public Optional<Column> column(String name) {
		return this.columns.stream().filter((column) -> column.name().equals(name)).findFirst();
	}

	/** Its keys, constraints and indexes: the primary key first, then unique, check, index, foreign key. */
	public List<TableElement> elements() {
		List<TableElement> elements = new ArrayList<>();
		if (this.primaryKey != null) {
			elements.add(this.primaryKey);
		}
		elements.addAll(this.uniqueConstraints);
		elements.addAll(this.checkConstraints);
		elements.addAll(this.indexes);
		elements.addAll(this.foreignKeys);
		return elements;
	}

	/**
	 * This table with its columns, primary key, unique and check constraints and comment, but without indexes and
	 * foreign keys: what {@code CREATE TABLE} creates when those are added apart, after every table exists.
	 */
	public Table withoutIndexesAndForeignKeys() {
		return new Table(this.name, this.columns, this.primaryKey, this.uniqueConstraints, List.of(), List.of(),
				this.checkConstraints, this.comment);
	}

}
