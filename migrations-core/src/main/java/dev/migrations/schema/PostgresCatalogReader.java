package dev.migrations.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads PostgreSQL's {@code pg_catalog}. Types are {@code format_type}'s, defaults and predicates
 * {@code pg_get_expr}'s, checks {@code pg_get_constraintdef}'s, so they read back as they were written by this
 * reader's own SQL. A {@code serial} column (an integer whose default is the {@code nextval} of a sequence the column
 * owns) reads as type {@code serial}/{@code bigserial}/{@code smallserial} without a default, and its sequence, like
 * an identity column's, is not listed among the sequences.
 */
final class PostgresCatalogReader implements CatalogReader {

	private static final String TABLES = """
			SELECT c.relname AS name, obj_description(c.oid, 'pg_class') AS comment
			FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND NOT c.relispartition""";

	private static final String COLUMNS = """
			SELECT c.relname AS table_name, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
			  a.attnotnull AS not_null, a.attidentity AS identity, a.attgenerated AS generated,
			  pg_get_expr(d.adbin, d.adrelid) AS expression, col_description(c.oid, a.attnum) AS comment,
			  (SELECT quote_ident(s.relname) FROM pg_depend dep JOIN pg_class s ON s.oid = dep.objid
			   WHERE dep.refclassid = 'pg_class'::regclass AND dep.refobjid = c.oid AND dep.refobjsubid = a.attnum
			     AND dep.deptype = 'a' AND s.relkind = 'S'
			   LIMIT 1) AS owned_sequence
			FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
			LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
			WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped""";

	private static final String CONSTRAINTS = """
			SELECT t.relname AS table_name, con.conname AS name, con.contype AS type,
			  ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
			    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns,
			  rn.nspname AS target_schema, rt.relname AS target_table,
			  ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
			    JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS target_columns,
			  con.confdeltype AS on_delete, con.confupdtype AS on_update, pg_get_constraintdef(con.oid) AS definition
			FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
			LEFT JOIN pg_class rt ON rt.oid = con.confrelid LEFT JOIN pg_namespace rn ON rn.oid = rt.relnamespace
			WHERE n.nspname = ? AND con.contype IN ('p', 'u', 'f', 'c')""";

	private static final String INDEXES = """
			SELECT t.relname AS table_name, i.relname AS name, x.indisunique AS is_unique,
			  pg_get_expr(x.indpred, x.indrelid) AS predicate,
			  ARRAY(SELECT pg_get_indexdef(x.indexrelid, k, true) FROM generate_series(1, x.indnkeyatts) k ORDER BY k)::text[] AS keys,
			  ARRAY(SELECT (x.indoption[k - 1] & 1) = 1 FROM generate_series(1, x.indnkeyatts) k ORDER BY k) AS descending
			FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
			JOIN pg_namespace n ON n.oid = t.relnamespace
			WHERE n.nspname = ? AND NOT EXISTS (SELECT 1 FROM pg_constraint con
			  WHERE con.conindid = x.indexrelid AND con.conrelid = x.indrelid AND con.contype IN ('p', 'u', 'x'))""";

	private static final String SEQUENCES = """
			SELECT c.relname AS name, format_type(s.seqtypid, NULL) AS data_type, s.seqstart AS start_value,
			  s.seqincrement AS increment, s.seqmin AS min_value, s.seqmax AS max_value, s.seqcycle AS cycle
			FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE n.nspname = ? AND NOT EXISTS (SELECT 1 FROM pg_depend d
			  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i') AND d.refobjsubid > 0)""";

	/** The serial types by the integer type under them. */
	/** An array of literals cast as a whole: {@code ((ARRAY['a'::character varying])::text[])}. */
	private static final Pattern ARRAY_CAST = Pattern
		.compile("\\(\\(ARRAY\\[((?:'(?:[^']|'')*'|[^\\[\\]'])*)\\]\\)::([a-z][a-z ]*)\\[\\]\\)");

	private static final Map<String, String> SERIALS = Map.of("integer", "serial", "bigint", "bigserial", "smallint",
			"smallserial");

	/** {@code pg_constraint}'s referential action codes. */
	private static final Map<String, ForeignKey.Action> ACTIONS = Map.of("a", ForeignKey.Action.NO_ACTION, "r",
			ForeignKey.Action.RESTRICT, "c", ForeignKey.Action.CASCADE, "n", ForeignKey.Action.SET_NULL, "d",
			ForeignKey.Action.SET_DEFAULT);

	@Override
	public String name() {
		return "postgresql";
	}

	@Override
	public Catalog read(Connection connection, String schema, TableFilter filter) throws SQLException {
		String name = (schema != null) ? schema : connection.getSchema();
		CatalogRow.requireSchema(connection, "SELECT 1 FROM pg_namespace WHERE nspname = ?", name);
		CatalogBuilder catalog = new CatalogBuilder(name, filter);
		for (CatalogRow row : CatalogRow.query(connection, TABLES, name)) {
			catalog.table(row.text("name"), row.text("comment"));
		}
		for (CatalogRow row : CatalogRow.query(connection, COLUMNS, name)) {
			catalog.column(row.text("table_name"), column(row));
		}
		for (CatalogRow row : CatalogRow.query(connection, CONSTRAINTS, name)) {
			catalog.element(row.text("table_name"), constraint(row, name));
		}
		for (CatalogRow row : CatalogRow.query(connection, INDEXES, name)) {
			catalog.element(row.text("table_name"), index(row));
		}
		for (CatalogRow row : CatalogRow.query(connection, SEQUENCES, name)) {
			catalog.sequence(new Sequence(row.text("name"), row.text("data_type"), row.number("start_value"),
					row.number("increment"), row.number("min_value"), row.number("max_value"), row.flag("cycle")));
		}
		return catalog.build();
	}

	private static Column column(CatalogRow row) {
		ColumnType type = ColumnType.parse(row.text("type"));
		String expression = row.text("expression");
		boolean generated = row.text("generated") != null;
		Column.Identity identity = switch (String.valueOf(row.text("identity"))) {
			case "a" -> Column.Identity.ALWAYS;
			case "d" -> Column.Identity.BY_DEFAULT;
			default -> null;
		};
		String ownedSequence = row.text("owned_sequence");
		if (ownedSequence != null && SERIALS.containsKey(type.name())
				&& ("nextval('" + ownedSequence + "'::regclass)").equals(expression)) {
			type = ColumnType.of(SERIALS.get(type.name()));
			expression = null;
		}
		return new Column(row.text("name"), type, !row.flag("not_null"), generated ? null : expression, identity,
				generated ? expression : null, row.text("comment"));
	}

	private static TableElement constraint(CatalogRow row, String schema) {
		String name = row.text("name");
		List<String> columns = row.texts("columns");
		return switch (row.text("type")) {
			case "p" -> new PrimaryKey(name, columns);
			case "u" -> new UniqueConstraint(name, columns);
			case "f" -> new ForeignKey(name, columns,
					schema.equals(row.text("target_schema")) ? null : row.text("target_schema"),
					row.text("target_table"), row.texts("target_columns"), ACTIONS.get(row.text("on_delete")),
					ACTIONS.get(row.text("on_update")));
			default -> new CheckConstraint(name, checkExpression(row.text("definition")));
		};
	}

	/**
	 * {@code CHECK ((age >= 0)) NOT VALID} to {@code (age >= 0)}: the condition alone, as H2 and MariaDB give it, with
	 * its array casts in the form PostgreSQL gives when it reads its own text back ({@link #castEachElement}).
	 */
	private static String checkExpression(String definition) {
		String condition = definition.replaceFirst(" NOT VALID$", "").replaceFirst(" NO INHERIT$", "");
		return castEachElement(condition.substring("CHECK (".length(), condition.length() - 1));
	}

	/**
	 * {@code ((ARRAY['a'::character varying, 'b'::character varying])::text[])} to
	 * {@code (ARRAY[('a'::character varying)::text, ('b'::character varying)::text])}. PostgreSQL stores
	 * {@code x IN ('a', 'b')} (as Hibernate writes an enum's check) in the first form, but the text of the first
	 * form, run again, is stored in the second: so a condition read from a database and written into a revision
	 * would never read back equal. The second form reads back as itself.
	 */
	static String castEachElement(String expression) {
		Matcher cast = ARRAY_CAST.matcher(expression);
		StringBuilder normalised = new StringBuilder();
		while (cast.find()) {
			String type = cast.group(2);
			String elements = arrayElements(cast.group(1)).stream()
				.map((element) -> "(" + element + ")::" + type)
				.collect(Collectors.joining(", "));
			cast.appendReplacement(normalised, Matcher.quoteReplacement("(ARRAY[" + elements + "])"));
		}
		cast.appendTail(normalised);
		return normalised.toString();
	}

	/** The elements of an array literal's list, split at the commas outside quotes and parentheses. */
	private static List<String> arrayElements(String list) {
		List<String> elements = new ArrayList<>();
		int depth = 0;
		boolean quoted = false;
		int start = 0;
		for (int i = 0; i < list.length(); i++) {
			char c = list.charAt(i);
			if (c == '\'') {
				quoted = !quoted;
			}
			else if (!quoted && (c == '(' || c == '[')) {
				depth++;
			}
			else if (!quoted && (c == ')' || c == ']')) {
				depth--;
			}
			else if (!quoted && depth == 0 && c == ',') {
				elements.add(list.substring(start, i).strip());
				start = i + 1;
			}
		}
		elements.add(list.substring(start).strip());
		return elements;
	}

	private static Index index(CatalogRow row) {
		List<String> keys = row.texts("keys");
		List<Boolean> descending = row.flags("descending");
		List<Index.Key> columns = new ArrayList<>();
		for (int i = 0; i < keys.size(); i++) {
			columns.add(new Index.Key(keys.get(i), descending.get(i)));
		}
		return new Index(row.text("name"), columns, row.flag("is_unique"), row.text("predicate"));
	}

}
