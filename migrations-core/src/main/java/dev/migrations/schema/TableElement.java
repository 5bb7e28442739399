package dev.migrations.schema;

import java.util.Comparator;
import java.util.List;

/**
 * What a table holds besides its columns: keys, constraints and indexes. Each is added and dropped as a whole; a
 * changed one is dropped and added again.
 */
public sealed interface TableElement permits PrimaryKey, UniqueConstraint, Index, ForeignKey, CheckConstraint {

	/** Its name as the database stores it; {@code null} for a primary key whose name the database chose. */
	String name();

	/** What it is, for people: {@code index}, {@code foreign key}, ... */
	String kind();

	/** The table columns it covers, as text: {@code email}, {@code lower(email) DESC}. */
	String columnList();

	/** It in a sentence, as the test kit and drift checks name it: {@code index users_email_idx on users(email)}. */
	default String describe(String table) {
		return kind() + ((name() != null) ? " " + name() : "") + " on " + table + "(" + columnList() + ")";
	}

	/** The elements sorted by name, then by their other values, so that reads compare equal. */
	static <T extends TableElement> List<T> sorted(List<T> elements) {
		return elements.stream()
			.sorted(Comparator.comparing((T element) -> String.valueOf(element.name())).thenComparing(Object::toString))
			.toList();
	}

}
