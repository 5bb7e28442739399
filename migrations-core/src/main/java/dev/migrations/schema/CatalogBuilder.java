package dev.migrations.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what a reader finds, table by table, into a {@link Catalog}. Parts of tables it was not given (views,
 * tables the filter leaves out) are dropped, so readers need not filter every query.
 */
final class CatalogBuilder {

	private final String schema;

	private final TableFilter filter;

	private final Map<String, Parts> tables = new LinkedHashMap<>();

	private final List<Sequence> sequences = new ArrayList<>();

	CatalogBuilder(String schema, TableFilter filter) {
		this.schema = schema;
		this.filter = filter;
	}

	void table(String name, String comment) {
		if (this.filter.includes(name)) {
			this.tables.put(name, new Parts(comment));
		}
	}

	void column(String table, Column column) {
		parts(table).columns.add(column);
	}

	void element(String table, TableElement element) {
		Parts parts = parts(table);
		if (element instanceof PrimaryKey primaryKey) {
			parts.primaryKey = primaryKey;
		}
		else if (element instanceof UniqueConstraint unique) {
			parts.uniques.add(unique);
		}
		else if (element instanceof Index index) {
			parts.indexes.add(index);
		}
		else if (element instanceof ForeignKey foreignKey) {
			parts.foreignKeys.add(foreignKey);
		}
		else {
			parts.checks.add((CheckConstraint) element);
		}
	}

	void sequence(Sequence sequence) {
		this.sequences.add(sequence);
	}

	Catalog build() {
		List<Table> built = this.tables.entrySet()
			.stream()
			.map((entry) -> entry.getValue().table(entry.getKey()))
			.toList();
		return new Catalog(this.schema, built, this.sequences);
	}

	private Parts parts(String table) {
		return this.tables.getOrDefault(table, new Parts(null));
	}

	/** A table while it is being read. */
	private static final class Parts {

		private final String comment;

		private final List<Column> columns = new ArrayList<>();

		private PrimaryKey primaryKey;

		private final List<UniqueConstraint> uniques = new ArrayList<>();

		private final List<Index> indexes = new ArrayList<>();

		private final List<ForeignKey> foreignKeys = new ArrayList<>();

		private final List<CheckConstraint> checks = new ArrayList<>();

		Parts(String comment) {
			this.comment = comment;
		}

		Table table(String name) {
			return new Table(name, this.columns, this.primaryKey, this.uniques, this.indexes, this.foreignKeys,
					this.checks, this.comment);
		}

	}

}
