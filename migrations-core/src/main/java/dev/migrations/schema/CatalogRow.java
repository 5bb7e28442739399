package dev.migrations.schema;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;

/**
 * One row of a catalog query, its values by lower-case column label, with the conversions the readers need.
 * Catalog rows are few and small, so they are read whole before any is interpreted.
 */
record CatalogRow(Map<String, Object> values) {

	/** Runs a query with string parameters and returns its rows. */
	static List<CatalogRow> query(Connection connection, String sql, String... parameters) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setString(i + 1, parameters[i]);
			}
			try (ResultSet resultSet = statement.executeQuery()) {
				ResultSetMetaData metaData = resultSet.getMetaData();
				List<CatalogRow> rows = new ArrayList<>();
				while (resultSet.next()) {
					Map<String, Object> values = new HashMap<>();
					for (int column = 1; column <= metaData.getColumnCount(); column++) {
						Object value = resultSet.getObject(column);
						if (value instanceof Array array) {
							value = Arrays.asList((Object[]) array.getArray());
						}
						values.put(metaData.getColumnLabel(column).toLowerCase(Locale.ROOT), value);
					}
					rows.add(new CatalogRow(values));
				}
				return rows;
			}
		}
	}

	/**
	 * Fails with one line when the schema does not exist, rather than reading it as empty: a misspelt schema would
	 * otherwise look like a schema whose every table was dropped.
	 * @param existsQuery a query with one parameter, the schema, that returns a row when it exists
	 */
	static void requireSchema(Connection connection, String existsQuery, String schema) throws SQLException {
		if (query(connection, existsQuery, schema).isEmpty()) {
			throw new MigrationsException(ErrorKind.CONFIG, "Schema '" + schema + "' does not exist",
					"Name the schema exactly as the database stores it (H2 stores unquoted names in upper case by"
							+ " default), or read the connection's current schema");
		}
	}

	/** The value as text; {@code null} and the empty string read as {@code null}. */
	String text(String column) {
		Object value = this.values.get(column);
		return (value == null || value.toString().isEmpty()) ? null : value.toString();
	}

	Integer integer(String column) {
		Object value = this.values.get(column);
		return (value == null) ? null : ((Number) value).intValue();
	}

	long number(String column) {
		Object value = this.values.get(column);
		return (value instanceof Number number) ? number.longValue() : Long.parseLong(value.toString());
	}

	/** A boolean column, or the catalogs' {@code YES}/{@code NO}, {@code Y}/{@code N}, {@code 1}/{@code 0}. */
	boolean flag(String column) {
		Object value = this.values.get(column);
		if (value instanceof Boolean bool) {
			return bool;
		}
		if (value instanceof Number number) {
			return number.intValue() != 0;
		}
		return value != null && (value.toString().equalsIgnoreCase("YES") || value.toString().equalsIgnoreCase("Y"));
	}

	/** An array column as a list of texts. */
	List<String> texts(String column) {
		return ((List<?>) this.values.get(column)).stream().map(String::valueOf).toList();
	}

	/** An array column as a list of booleans. */
	List<Boolean> flags(String column) {
		return ((List<?>) this.values.get(column)).stream().map(Boolean.class::cast).toList();
	}

}
