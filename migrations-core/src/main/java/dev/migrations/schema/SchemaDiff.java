package dev.migrations.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The changes that turn one catalog into another, in an order the database accepts: foreign keys, then other keys
 * and indexes, then tables, columns and sequences are dropped; then sequences, tables and columns are added,
 * columns altered, comments set, and keys and indexes added, foreign keys last (so every table they point at
 * exists). Tables and columns are matched by name, a column compared aspect by aspect; sequences, keys, constraints
 * and indexes by value, so a changed one is dropped and added again. Renames are not detected: a renamed column is
 * a drop and an add.
 *
 * @param changes the changes, in the order they run
 */
public record SchemaDiff(List<SchemaChange> changes) {

	public SchemaDiff {
		changes = List.copyOf(changes);
	}

	/** The changes that turn {@code from} into {@code to}. */
	public static SchemaDiff between(Catalog from, Catalog to) {
		List<SchemaChange> changes = new ArrayList<>();
		sequences(from, to, changes);
		for (Table table : from.tables()) {
			if (to.table(table.name()).isEmpty()) {
				dropTable(table, changes);
			}
		}
		for (Table table : to.tables()) {
			Optional<Table> before = from.table(table.name());
			if (before.isPresent()) {
				alterTable(before.get(), table, changes);
			}
			else {
				addTable(table, changes);
			}
		}
		return new SchemaDiff(ordered(changes));
	}

	/** Whether the catalogs compared equal. */
	public boolean isEmpty() {
		return this.changes.isEmpty();
	}

	/** The diff that undoes this one: each change's inverse, in an order the database accepts. */
	public SchemaDiff inverse() {
		List<SchemaChange> inverses = new ArrayList<>();
		for (SchemaChange change : this.changes) {
			inverses.add(change.inverse());
		}
		Collections.reverse(inverses);
		return new SchemaDiff(ordered(inverses));
	}

	/** Each change's description, in order: Alembic's {@code Detected ...} lines. */
	public List<String> descriptions() {
		return this.changes.stream().map(SchemaChange::description).toList();
	}

	private static void sequences(Catalog from, Catalog to, List<SchemaChange> changes) {
		for (Sequence sequence : from.sequences()) {
			if (!to.sequences().contains(sequence)) {
				changes.add(new DropSequence(sequence));
			}
		}
		for (Sequence sequence : to.sequences()) {
			if (!from.sequences().contains(sequence)) {
				changes.add(new AddSequence(sequence));
			}
		}
	}

	private static void addTable(Table table, List<SchemaChange> changes) {
		changes.add(new AddTable(table.withoutIndexesAndForeignKeys()));
		for (Index index : table.indexes()) {
			changes.add(new AddElement(table.name(), index));
		}
		for (ForeignKey foreignKey : table.foreignKeys()) {
			changes.add(new AddElement(table.name(), foreignKey));
		}
	}

	private static void dropTable(Table table, List<SchemaChange> changes) {
		for (ForeignKey foreignKey : table.foreignKeys()) {
			changes.add(new DropElement(table.name(), foreignKey));
		}
		for (Index index : table.indexes()) {
			changes.add(new DropElement(table.name(), index));
		}
		changes.add(new DropTable(table.withoutIndexesAndForeignKeys()));
	}

	private static void alterTable(Table from, Table to, List<SchemaChange> changes) {
		for (Column column : from.columns()) {
			if (to.column(column.name()).isEmpty()) {
				changes.add(new DropColumn(from.name(), column));
			}
		}
		for (Column column : to.columns()) {
			Optional<Column> before = from.column(column.name());
			if (before.isPresent()) {
				alterColumn(to.name(), before.get(), column, changes);
			}
			else {
				changes.add(new AddColumn(to.name(), column));
			}
		}
		if (!Objects.equals(from.comment(), to.comment())) {
			changes.add(new ChangeTableComment(to.name(), from.comment(), to.comment()));
		}
		for (TableElement element : from.elements()) {
			if (!hasMatch(element, to.elements())) {
				changes.add(new DropElement(from.name(), element));
			}
		}
		for (TableElement element : to.elements()) {
			if (!hasMatch(element, from.elements())) {
				changes.add(new AddElement(to.name(), element));
			}
		}
	}

	/**
	 * Keys, constraints and indexes match by value; a foreign key by its definition, its name aside, as Alembic
	 * compares them: the same key is named by the database when a script leaves it unnamed, and by Hibernate.
	 */
	private static boolean hasMatch(TableElement element, List<TableElement> others) {
		if (element instanceof ForeignKey key) {
			return others.stream().anyMatch((other) -> other instanceof ForeignKey otherKey && key.sameDefinition(otherKey));
		}
		return others.contains(element);
	}

	/** One change per aspect that differs, each starting from the column the previous one left. */
	private static void alterColumn(String table, Column from, Column to, List<SchemaChange> changes) {
		Column current = from;
		for (AlterColumn.Aspect aspect : AlterColumn.Aspect.values()) {
			if (aspect.differs(current, to)) {
				Column next = aspect.apply(current, to);
				changes.add(new AlterColumn(table, aspect, current, next));
				current = next;
			}
		}
	}

	/** The changes sorted by phase; within one, in the order given (a stable sort). */
	private static List<SchemaChange> ordered(List<SchemaChange> changes) {
		return changes.stream().sorted(Comparator.comparingInt(SchemaDiff::phase)).toList();
	}

	private static int phase(SchemaChange change) {
		if (change instanceof DropElement drop) {
			return (drop.element() instanceof ForeignKey) ? 0 : 1;
		}
		if (change instanceof DropTable) {
			return 2;
		}
		if (change instanceof DropColumn) {
			return 3;
		}
		if (change instanceof DropSequence) {
			return 4;
		}
		if (change instanceof AddSequence) {
			return 5;
		}
		if (change instanceof AddTable) {
			return 6;
		}
		if (change instanceof AddColumn) {
			return 7;
		}
		if (change instanceof AlterColumn) {
			return 8;
		}
		if (change instanceof ChangeTableComment) {
			return 9;
		}
		return (((AddElement) change).element() instanceof ForeignKey) ? 11 : 10;
	}

}
