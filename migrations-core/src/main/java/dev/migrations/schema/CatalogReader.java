package dev.migrations.schema;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Reads one schema of a database into a {@link Catalog}, from the database's own catalog tables. One
 * implementation per database; {@link CatalogReaders#detect} picks it for a connection. Reads only, so it is safe
 * inside a transaction; every implementation passes the shared schema contract test against a real database.
 */
public interface CatalogReader {

	/** The database it reads, named as {@link dev.migrations.dialect.Dialect#name()} names it. */
	String name();

	/**
	 * Reads a schema.
	 * @param connection a connection to the database
	 * @param schema the schema (the database, on MariaDB), or {@code null} for the connection's current one
	 * @param filter which tables to keep
	 * @return the schema's tables and sequences
	 * @throws SQLException when the catalog cannot be queried
	 * @throws dev.migrations.error.MigrationsException when the schema does not exist
	 */
	Catalog read(Connection connection, String schema, TableFilter filter) throws SQLException;

}
