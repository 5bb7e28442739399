package dev.migrations.schema;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The tables and sequences of one schema, as one database reports them. Lists are sorted by name, so two reads
 * of an unchanged schema are equal, and two schemas built the same way compare equal value for value.
 *
 * @param schema the schema read (the database, on MariaDB)
 * @param tables its base tables, by name
 * @param sequences its sequences, by name; those that only serve an identity or serial column are left out
 */
public record Catalog(String schema, List<Table> tables, List<Sequence> sequences) {

	public Catalog {
		tables = tables.stream().sorted(Comparator.comparing(Table::name)).toList();
		sequences = sequences.stream().sorted(Comparator.comparing(Sequence::name)).toList();
	}

	/** The table of that exact name, if the schema has one. */
	public Optional<Table> table(String name) {
		return this.tables.stream().filter((table) -> table.name().equals(name)).findFirst();
	}

}
