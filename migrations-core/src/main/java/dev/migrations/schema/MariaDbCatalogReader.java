package dev.migrations.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.migrations.dialect.Dialect;

/**
 * Reads MariaDB's {@code information_schema}; a schema is a database. Types are {@code COLUMN_TYPE}'s
 * ({@code int(11)}, {@code varchar(200)}, {@code enum('a','b')}); the column default {@code NULL} MariaDB reports
 * for a nullable column reads as no default. Unique constraints are unique indexes there, so they read as
 * {@link Index}es; the index MariaDB creates for a foreign key is an index like any other (it stays when the key is
 * dropped). Sequences are read from the sequence objects themselves.
 */
final class MariaDbCatalogReader implements CatalogReader {

	private static final String TABLES = """
			SELECT TABLE_NAME AS name, TABLE_COMMENT AS comment, TABLE_TYPE AS type FROM information_schema.TABLES
			WHERE TABLE_SCHEMA = ? AND TABLE_TYPE IN ('BASE TABLE', 'SEQUENCE')""";

	private static final String COLUMNS = """
			SELECT TABLE_NAME AS table_name, COLUMN_NAME AS name, COLUMN_TYPE AS type, IS_NULLABLE AS nullable,
			  COLUMN_DEFAULT AS default_expression, EXTRA AS extra, GENERATION_EXPRESSION AS generation_expression,
			  COLUMN_COMMENT AS comment
			FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ?""";

	private static final String INDEXES = """
			SELECT TABLE_NAME AS table_name, INDEX_NAME AS name, NON_UNIQUE AS non_unique, COLUMN_NAME AS column_name,
			  COLLATION AS ordering, SUB_PART AS sub_part
			FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX""";

	private static final String FOREIGN_KEYS = """
			SELECT rc.TABLE_NAME AS table_name, rc.CONSTRAINT_NAME AS name, rc.REFERENCED_TABLE_NAME AS target_table,
			  rc.UPDATE_RULE AS on_update, rc.DELETE_RULE AS on_delete, k.COLUMN_NAME AS column_name,
			  k.REFERENCED_TABLE_SCHEMA AS target_schema, k.REFERENCED_COLUMN_NAME AS target_column
			FROM information_schema.REFERENTIAL_CONSTRAINTS rc JOIN information_schema.KEY_COLUMN_USAGE k
			  ON k.CONSTRAINT_SCHEMA = rc.CONSTRAINT_SCHEMA AND k.CONSTRAINT_NAME = rc.CONSTRAINT_NAME
			  AND k.TABLE_NAME = rc.TABLE_NAME
			WHERE rc.CONSTRAINT_SCHEMA = ? ORDER BY rc.TABLE_NAME, rc.CONSTRAINT_NAME, k.ORDINAL_POSITION""";

	private static final String CHECKS = """
			SELECT TABLE_NAME AS table_name, CONSTRAINT_NAME AS name, CHECK_CLAUSE AS expression
			FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?""";

	private final Dialect dialect;

	MariaDbCatalogReader(Dialect dialect) {
		this.dialect = dialect;
	}

	@Override
	public String name() {
		return "mariadb";
	}

	@Override
	public Catalog read(Connection connection, String schema, TableFilter filter) throws SQLException {
		String name = (schema != null) ? schema : connection.getCatalog();
		CatalogRow.requireSchema(connection, "SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?", name);
		CatalogBuilder catalog = new CatalogBuilder(name, filter);
		List<String> sequences = new ArrayList<>();
		for (CatalogRow row : CatalogRow.query(connection, TABLES, name)) {
			if ("SEQUENCE".equals(row.text("type"))) {
				sequences.add(row.text("name"));
			}
			else {
				catalog.table(row.text("name"), row.text("comment"));
			}
		}
		for (CatalogRow row : CatalogRow.query(connection, COLUMNS, name)) {
			catalog.column(row.text("table_name"), column(row));
		}
		for (List<CatalogRow> index : grouped(CatalogRow.query(connection, INDEXES, name)).values()) {
			catalog.element(index.get(0).text("table_name"), index(index));
		}
		for (List<CatalogRow> foreignKey : grouped(CatalogRow.query(connection, FOREIGN_KEYS, name)).values()) {
			catalog.element(foreignKey.get(0).text("table_name"), foreignKey(foreignKey, name));
		}
		for (CatalogRow row : CatalogRow.query(connection, CHECKS, name)) {
			catalog.element(row.text("table_name"), new CheckConstraint(row.text("name"), row.text("expression")));
		}
		for (String sequence : sequences) {
			catalog.sequence(sequence(connection, name, sequence));
		}
		return catalog.build();
	}

	private static Column column(CatalogRow row) {
		String extra = String.valueOf(row.text("extra")).toLowerCase(Locale.ROOT);
		boolean generated = extra.contains("generated");
		String defaultExpression = row.text("default_expression");
		if ("NULL".equals(defaultExpression) || generated) {
			defaultExpression = null;
		}
		return new Column(row.text("name"), ColumnType.parse(row.text("type")), row.flag("nullable"),
				defaultExpression, extra.contains("auto_increment") ? Column.Identity.BY_DEFAULT : null,
				generated ? row.text("generation_expression") : null, row.text("comment"));
	}

	/** Rows grouped by table and name, in query order. */
	private static Map<String, List<CatalogRow>> grouped(List<CatalogRow> rows) {
		Map<String, List<CatalogRow>> groups = new LinkedHashMap<>();
		for (CatalogRow row : rows) {
			groups.computeIfAbsent(row.text("table_name") + "." + row.text("name"), (key) -> new ArrayList<>()).add(row);
		}
		return groups;
	}

	private static TableElement index(List<CatalogRow> rows) {
		CatalogRow first = rows.get(0);
		if ("PRIMARY".equals(first.text("name"))) {
			return new PrimaryKey(null, rows.stream().map((row) -> row.text("column_name")).toList());
		}
		List<Index.Key> keys = rows.stream()
			.map((row) -> new Index.Key(
					row.text("column_name") + ((row.integer("sub_part") != null) ? "(" + row.integer("sub_part") + ")" : ""),
					"D".equals(row.text("ordering"))))
			.toList();
		return new Index(first.text("name"), keys, !first.flag("non_unique"), null);
	}

	private static ForeignKey foreignKey(List<CatalogRow> rows, String schema) {
		CatalogRow first = rows.get(0);
		String targetSchema = first.text("target_schema");
		return new ForeignKey(first.text("name"), rows.stream().map((row) -> row.text("column_name")).toList(),
				schema.equals(targetSchema) ? null : targetSchema, first.text("target_table"),
				rows.stream().map((row) -> row.text("target_column")).toList(),
				ForeignKey.Action.parse(first.text("on_delete")), ForeignKey.Action.parse(first.text("on_update")));
	}

	private Sequence sequence(Connection connection, String schema, String name) throws SQLException {
		CatalogRow row = CatalogRow.query(connection, "SELECT start_value, increment, minimum_value AS min_value,"
				+ " maximum_value AS max_value, cycle_option AS cycle FROM " + this.dialect.qualify(schema, name))
			.get(0);
		return new Sequence(name, null, row.number("start_value"), row.number("increment"), row.number("min_value"),
				row.number("max_value"), row.flag("cycle"));
	}

}
