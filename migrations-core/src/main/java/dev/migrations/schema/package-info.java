/**
 * A database schema as immutable values, read from the database's catalog, and the difference between two of
 * them as SQL that upgrades and downgrades.
 *
 * <ul>
 * <li>{@link dev.migrations.schema.Catalog} and the records under it are the model: tables, columns, keys,
 * indexes, checks, sequences and comments, normalised so that one schema read twice compares equal.</li>
 * <li>{@link dev.migrations.schema.CatalogReader} reads one from a connection (PostgreSQL, H2, MariaDB);
 * {@link dev.migrations.schema.CatalogReaders#detect} picks the reader.</li>
 * <li>{@link dev.migrations.schema.SchemaDiff#between} compares two catalogs into an ordered list of
 * {@link dev.migrations.schema.SchemaChange}s, each with Alembic's description and its inverse.</li>
 * <li>{@link dev.migrations.schema.DdlWriter} renders a diff as the statements of one database, both ways.</li>
 * </ul>
 */
package dev.migrations.schema;
