package dev.migrations.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads H2 2.x's {@code INFORMATION_SCHEMA}, in its default mode (names in upper case) and in PostgreSQL mode.
 * Type names are H2's standard names in lower case ({@code character varying}), an enum with its values
 * ({@code enum('active','blocked')}, as on MariaDB); the indexes H2 creates for
 * constraints are left out (they come and go with the constraint); a primary key's name is kept only if someone
 * chose it, so that two tables created by the same statement compare equal.
 */
final class H2CatalogReader implements CatalogReader {

	/** The names H2 gives constraints nobody named. */
	private static final Pattern GENERATED_NAME = Pattern.compile("(?i)CONSTRAINT_[0-9A-F]+");

	private static final Set<String> LENGTH_TYPES = Set.of("CHARACTER", "CHARACTER VARYING", "BINARY",
			"BINARY VARYING", "VARCHAR_IGNORECASE");

	private static final Set<String> NUMERIC_TYPES = Set.of("NUMERIC", "DECIMAL");

	private static final Set<String> TIME_TYPES = Set.of("TIME", "TIME WITH TIME ZONE", "TIMESTAMP",
			"TIMESTAMP WITH TIME ZONE");

	private static final String TABLES = """
			SELECT TABLE_NAME AS name, REMARKS AS comment FROM INFORMATION_SCHEMA.TABLES
			WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'""";

	private static final String COLUMNS = """
			SELECT TABLE_NAME AS table_name, COLUMN_NAME AS name, DATA_TYPE AS data_type,
			  CHARACTER_MAXIMUM_LENGTH AS length, NUMERIC_PRECISION AS numeric_precision, NUMERIC_SCALE AS scale,
			  DATETIME_PRECISION AS time_precision, IS_NULLABLE AS nullable, COLUMN_DEFAULT AS default_expression,
			  IS_IDENTITY AS is_identity, IDENTITY_GENERATION AS identity_generation,
			  IS_GENERATED AS is_generated, GENERATION_EXPRESSION AS generation_expression, REMARKS AS comment,
			  DTD_IDENTIFIER AS type_identifier
			FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ?""";

	/** The values of enum columns, by table and the column's type identifier. */
	private static final String ENUM_VALUES = """
			SELECT OBJECT_NAME AS table_name, ENUM_IDENTIFIER AS type_identifier, VALUE_NAME AS value_name
			FROM INFORMATION_SCHEMA.ENUM_VALUES WHERE OBJECT_SCHEMA = ? AND OBJECT_TYPE = 'TABLE'
			ORDER BY OBJECT_NAME, ENUM_IDENTIFIER, VALUE_ORDINAL""";

	private static final String CONSTRAINTS = """
			SELECT tc.TABLE_NAME AS table_name, tc.CONSTRAINT_NAME AS name, tc.CONSTRAINT_TYPE AS type,
			  cc.CHECK_CLAUSE AS check_clause, rc.UPDATE_RULE AS on_update, rc.DELETE_RULE AS on_delete,
			  rc.UNIQUE_CONSTRAINT_SCHEMA AS unique_schema, rc.UNIQUE_CONSTRAINT_NAME AS unique_name,
			  uc.TABLE_NAME AS target_table
			FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc
			LEFT JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc
			  ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
			LEFT JOIN INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS rc
			  ON rc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND rc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
			LEFT JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS uc
			  ON uc.CONSTRAINT_SCHEMA = rc.UNIQUE_CONSTRAINT_SCHEMA AND uc.CONSTRAINT_NAME = rc.UNIQUE_CONSTRAINT_NAME
			WHERE tc.TABLE_SCHEMA = ?""";

	/** Key columns of every constraint, those of other schemas too, for the targets of foreign keys. */
	private static final String KEY_COLUMNS = """
			SELECT CONSTRAINT_SCHEMA AS constraint_schema, CONSTRAINT_NAME AS name, COLUMN_NAME AS column_name,
			  POSITION_IN_UNIQUE_CONSTRAINT AS unique_position
			FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE ORDER BY CONSTRAINT_SCHEMA, CONSTRAINT_NAME, ORDINAL_POSITION""";

	private static final String INDEXES = """
			SELECT i.TABLE_NAME AS table_name, i.INDEX_NAME AS name, i.INDEX_TYPE_NAME AS type,
			  c.COLUMN_NAME AS column_name, c.ORDERING_SPECIFICATION AS ordering
			FROM INFORMATION_SCHEMA.INDEXES i JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c
			  ON c.INDEX_SCHEMA = i.INDEX_SCHEMA AND c.INDEX_NAME = i.INDEX_NAME AND c.TABLE_NAME = i.TABLE_NAME
			WHERE i.TABLE_SCHEMA = ? AND NOT i.IS_GENERATED AND i.INDEX_TYPE_NAME IN ('INDEX', 'UNIQUE INDEX')
			ORDER BY i.TABLE_NAME, i.INDEX_NAME, c.ORDINAL_POSITION""";

	private static final String SEQUENCES = """
			SELECT SEQUENCE_NAME AS name, DATA_TYPE AS data_type, START_VALUE AS start_value, INCREMENT AS increment,
			  MINIMUM_VALUE AS min_value, MAXIMUM_VALUE AS max_value, CYCLE_OPTION AS cycle
			FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = ?""";

	@Override
	public String name() {
		return "h2";
	}

	@Override
	public Catalog read(Connection connection, String schema, TableFilter filter) throws SQLException {
		String name = (schema != null) ? schema : connection.getSchema();
		CatalogRow.requireSchema(connection, "SELECT 1 FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME = ?", name);
		CatalogBuilder catalog = new CatalogBuilder(name, filter);
		for (CatalogRow row : CatalogRow.query(connection, TABLES, name)) {
			catalog.table(row.text("name"), row.text("comment"));
		}
		Map<String, List<String>> enumValues = new HashMap<>();
		for (CatalogRow row : CatalogRow.query(connection, ENUM_VALUES, name)) {
			enumValues.computeIfAbsent(row.text("table_name") + "." + row.text("type_identifier"), (key) -> new ArrayList<>())
				.add("'" + row.text("value_name").replace("'", "''") + "'");
		}
		for (CatalogRow row : CatalogRow.query(connection, COLUMNS, name)) {
			catalog.column(row.text("table_name"), column(row, enumValues));
		}
		Map<String, List<CatalogRow>> keyColumns = new HashMap<>();
		for (CatalogRow row : CatalogRow.query(connection, KEY_COLUMNS)) {
			keyColumns.computeIfAbsent(row.text("constraint_schema") + "." + row.text("name"), (key) -> new ArrayList<>())
				.add(row);
		}
		for (CatalogRow row : CatalogRow.query(connection, CONSTRAINTS, name)) {
			catalog.element(row.text("table_name"), constraint(row, name, keyColumns));
		}
		for (Map.Entry<String, List<CatalogRow>> index : indexRows(connection, name).entrySet()) {
			catalog.element(index.getValue().get(0).text("table_name"), index(index.getValue()));
		}
		for (CatalogRow row : CatalogRow.query(connection, SEQUENCES, name)) {
			catalog.sequence(new Sequence(row.text("name"), row.text("data_type").toLowerCase(Locale.ROOT),
					row.number("start_value"), row.number("increment"), row.number("min_value"),
					row.number("max_value"), row.flag("cycle")));
		}
		return catalog.build();
	}

	private static Column column(CatalogRow row, Map<String, List<String>> enumValues) {
		Column.Identity identity = !row.flag("is_identity") ? null
				: "ALWAYS".equals(row.text("identity_generation")) ? Column.Identity.ALWAYS : Column.Identity.BY_DEFAULT;
		boolean generated = "ALWAYS".equals(row.text("is_generated"));
		return new Column(row.text("name"), type(row, enumValues), row.flag("nullable"),
				(generated || identity != null) ? null : row.text("default_expression"), identity,
				generated ? row.text("generation_expression") : null, row.text("comment"));
	}

	private static ColumnType type(CatalogRow row, Map<String, List<String>> enumValues) {
		String dataType = row.text("data_type").toUpperCase(Locale.ROOT);
		String name = dataType.toLowerCase(Locale.ROOT);
		if ("ENUM".equals(dataType)) {
			List<String> values = enumValues.get(row.text("table_name") + "." + row.text("type_identifier"));
			return ColumnType.of("enum(" + String.join(",", values) + ")");
		}
		if (LENGTH_TYPES.contains(dataType)) {
			return new ColumnType(name, row.integer("length"), null, null);
		}
		if (NUMERIC_TYPES.contains(dataType)) {
			return new ColumnType(name, null, row.integer("numeric_precision"), row.integer("scale"));
		}
		if (TIME_TYPES.contains(dataType)) {
			return new ColumnType(name, null, row.integer("time_precision"), null);
		}
		return ColumnType.of(name);
	}

	private static TableElement constraint(CatalogRow row, String schema, Map<String, List<CatalogRow>> keyColumns) {
		String name = row.text("name");
		List<CatalogRow> keys = keyColumns.getOrDefault(schema + "." + name, List.of());
		List<String> columns = keys.stream().map((key) -> key.text("column_name")).toList();
		return switch (row.text("type")) {
			case "PRIMARY KEY" -> new PrimaryKey(GENERATED_NAME.matcher(name).matches() ? null : name, columns);
			case "UNIQUE" -> new UniqueConstraint(name, columns);
			case "FOREIGN KEY" -> foreignKey(row, schema, columns, keys, keyColumns);
			default -> new CheckConstraint(name, row.text("check_clause"));
		};
	}

	private static ForeignKey foreignKey(CatalogRow row, String schema, List<String> columns, List<CatalogRow> keys,
			Map<String, List<CatalogRow>> keyColumns) {
		String targetSchema = row.text("unique_schema");
		List<CatalogRow> targetKeys = keyColumns.get(targetSchema + "." + row.text("unique_name"));
		List<String> targetColumns = keys.stream()
			.map((key) -> targetKeys.get(key.integer("unique_position") - 1).text("column_name"))
			.toList();
		return new ForeignKey(row.text("name"), columns, schema.equals(targetSchema) ? null : targetSchema,
				row.text("target_table"), targetColumns, ForeignKey.Action.parse(row.text("on_delete")),
				ForeignKey.Action.parse(row.text("on_update")));
	}

	/** The rows of each index, one per key, by index name. */
	private static Map<String, List<CatalogRow>> indexRows(Connection connection, String schema) throws SQLException {
		Map<String, List<CatalogRow>> indexes = new LinkedHashMap<>();
		for (CatalogRow row : CatalogRow.query(connection, INDEXES, schema)) {
			indexes.computeIfAbsent(row.text("name"), (key) -> new ArrayList<>()).add(row);
		}
		return indexes;
	}

	private static Index index(List<CatalogRow> rows) {
		List<Index.Key> keys = rows.stream()
			.map((row) -> new Index.Key(row.text("column_name"), "DESC".equals(row.text("ordering"))))
			.toList();
		CatalogRow first = rows.get(0);
		return new Index(first.text("name"), keys, "UNIQUE INDEX".equals(first.text("type")), null);
	}

}
