package dev.migrations.state;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;

import dev.migrations.dialect.Dialect;

/**
 * Where one of the engine's tables lives, and how it comes into being: the configured schema (or the
 * connection's default) and the table name, created with the schema on first use.
 */
record StateTable(Dialect dialect, String schema, String table) {

	StateTable {
		Objects.requireNonNull(dialect, "dialect");
		Objects.requireNonNull(table, "table");
		schema = (schema != null && !schema.isBlank()) ? schema : null;
	}

	String qualifiedName() {
		return this.dialect.qualify(this.schema, this.table);
	}

	boolean exists(Connection connection) throws SQLException {
		return this.dialect.tableExists(connection, this.schema, this.table);
	}

	/** Creates the schema (when configured and missing), then the table with {@code tableDdl} (when missing). */
	void createIfMissing(Connection connection, String tableDdl) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			if (this.schema != null && !this.dialect.schemaExists(connection, this.schema)) {
				statement.execute(this.dialect.createSchema(this.schema));
			}
			if (!exists(connection)) {
				statement.execute(tableDdl);
			}
		}
	}

	/** Reads the table; a missing table reads as {@code empty}. */
	<T> T readOrEmpty(Connection connection, Reader<T> reader, T empty) throws SQLException {
		if (!connection.getAutoCommit()) {
			// A failed statement would abort a PostgreSQL transaction: ask the catalogs first.
			return exists(connection) ? reader.read(connection) : empty;
		}
		try {
			return reader.read(connection);
		}
		catch (SQLException ex) {
			if (!this.dialect.isMissingTable(ex)) {
				throw ex;
			}
			// Another run may have created it since: read again if it is there now.
			return exists(connection) ? reader.read(connection) : empty;
		}
	}

	/** A read of the table. */
	@FunctionalInterface
	interface Reader<T> {

		T read(Connection connection) throws SQLException;

	}

	/** The statements {@link #createIfMissing} may run, for offline SQL. */
	List<String> createSql(String tableDdl) {
		return (this.schema != null) ? List.of(this.dialect.createSchema(this.schema), tableDdl) : List.of(tableDdl);
	}

}
