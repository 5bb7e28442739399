package dev.migrations.schema;

import java.util.Set;

/**
 * Two schemas for the round trip: created apart, diffed, the upgrade applied to the first must give the second and
 * the downgrade the first again.
 *
 * @param name what changes
 * @param before the statements creating the first schema
 * @param after the statements creating the second
 * @param expected a description the diff must contain (compared in lower case, for H2's upper-case names)
 * @param databases the databases the pair runs on ({@link CatalogReader#name()}s)
 */
record SchemaPair(String name, String before, String after, String expected, Set<String> databases) {

	static final Set<String> ALL = Set.of("postgresql", "h2", "mariadb");

	static SchemaPair of(String name, String before, String after, String expected) {
		return new SchemaPair(name, before, after, expected, ALL);
	}

	SchemaPair only(String... databaseNames) {
		return new SchemaPair(this.name, this.before, this.after, this.expected, Set.of(databaseNames));
	}

	/** The same change the other way round. */
	SchemaPair reversed(String reversedName, String reversedExpected) {
		return new SchemaPair(reversedName, this.after, this.before, reversedExpected, this.databases);
	}

}
