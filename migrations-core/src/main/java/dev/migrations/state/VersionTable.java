package dev.migrations.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.migrations.dialect.Dialect;
import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;

/**
 * The version table, {@code migrations_version (version_num varchar(64) primary key)}: one row per current
 * head of the database, as Alembic's {@code alembic_version}. Online operations use prepared statements on the
 * caller's connection and transaction; the {@code ...Sql} methods render the same operations as SQL text with
 * literals, for offline scripts (statements without a terminating semicolon).
 */
public final class VersionTable {

	private final StateTable table;

	/**
	 * @param schema the configured schema, or {@code null} (or blank) for the connection's default
	 * @param table the table name, quoted where the dialect needs it
	 */
	public VersionTable(Dialect dialect, String schema, String table) {
		this.table = new StateTable(dialect, schema, table);
	}

	/** The table's name as it appears in SQL, schema-qualified and quoted where needed. */
	public String qualifiedName() {
		return this.table.qualifiedName();
	}

	public boolean exists(Connection connection) throws SQLException {
		return this.table.exists(connection);
	}

	/** Creates the table, and a configured schema, where they are missing. */
	public void createIfMissing(Connection connection) throws SQLException {
		this.table.createIfMissing(connection, createTableSql());
	}

	/**
	 * The version rows, sorted by revision id (code-point order): the rows have no order of their own, and a sorted
	 * list reads the same on every database. A missing table reads as no rows.
	 */
	public List<String> read(Connection connection) throws SQLException {
		return this.table.readOrEmpty(connection, (reading) -> {
			List<String> revisions = new ArrayList<>();
			try (PreparedStatement statement = reading.prepareStatement("SELECT version_num FROM " + qualifiedName());
					ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					revisions.add(rows.getString(1));
				}
			}
			revisions.sort(null);
			return List.copyOf(revisions);
		}, List.of());
	}

	public void insert(Connection connection, String revision) throws SQLException {
		execute(connection, insertStatement("?"), revision);
	}

	/** Deletes the row of {@code revision}; fails with a state error unless exactly one row matched. */
	public void delete(Connection connection, String revision) throws SQLException {
		int rows = execute(connection, deleteStatement("?"), revision);
		if (rows != 1) {
			throw unexpectedRows("Expected to delete the row '" + revision + "'", rows);
		}
	}

	/** Replaces the row {@code from} with {@code to}; fails with a state error unless exactly one row matched. */
	public void update(Connection connection, String from, String to) throws SQLException {
		int rows = execute(connection, updateStatement("?", "?"), to, from);
		if (rows != 1) {
			throw unexpectedRows("Expected to update the row '" + from + "' to '" + to + "'", rows);
		}
	}

	public void deleteAll(Connection connection) throws SQLException {
		execute(connection, deleteAllSql());
	}

	/** The schema (when configured) and table DDL, each creating only what is missing. */
	public List<String> createSql() {
		return this.table.createSql(createTableSql());
	}

	public String insertSql(String revision) {
		return insertStatement(literal(revision));
	}

	public String deleteSql(String revision) {
		return deleteStatement(literal(revision));
	}

	public String updateSql(String from, String to) {
		return updateStatement(literal(to), literal(from));
	}

	public String deleteAllSql() {
		return "DELETE FROM " + qualifiedName();
	}

	private String createTableSql() {
		return this.table.dialect().createVersionTable(qualifiedName());
	}

	private String insertStatement(String revision) {
		return "INSERT INTO " + qualifiedName() + " (version_num) VALUES (" + revision + ")";
	}

	private String deleteStatement(String revision) {
		return "DELETE FROM " + qualifiedName() + " WHERE version_num = " + revision;
	}

	private String updateStatement(String to, String from) {
		return "UPDATE " + qualifiedName() + " SET version_num = " + to + " WHERE version_num = " + from;
	}

	private String literal(String value) {
		return this.table.dialect().stringLiteral(value);
	}

	private static int execute(Connection connection, String sql, String... parameters) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setString(i + 1, parameters[i]);
			}
			return statement.executeUpdate();
		}
	}

	private MigrationsException unexpectedRows(String expectation, int rows) {
		return new MigrationsException(ErrorKind.STATE,
				expectation + " in " + qualifiedName() + ", but " + rows + " rows matched",
				"Another process changed the version table meanwhile; check it with 'current' and set it with "
						+ "'stamp' if needed");
	}

}
