package dev.migrations.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.migrations.dialect.Dialect;
import dev.migrations.dialect.Dialects;

/**
 * Renders a {@link SchemaDiff} as the statements of one database (PostgreSQL, H2 or MariaDB), to upgrade and to
 * downgrade. Names are unqualified: the statements run in the schema the diff was read from, as a revision script
 * runs in the connection's schema. A statement that loses data, or may, carries a review note; so does a dropped
 * column when an added column of the same table has its type ("possible rename of x to y: review").
 */
public final class DdlWriter {

	/** How the database stores an unquoted identifier, so that names in another case are quoted. */
	public enum Folding {

		/** PostgreSQL, H2 with {@code DATABASE_TO_LOWER}. */
		LOWER,

		/** H2 by default. */
		UPPER,

		/** MariaDB: as written. */
		NONE

	}

	/** A MariaDB index key on a prefix of a column: {@code name(10)}. */
	private static final Pattern PREFIX_KEY = Pattern.compile("(.+)\\((\\d+)\\)");

	private final Dialect dialect;

	private final Folding folding;

	private final boolean postgres;

	private final boolean mariaDb;

	private DdlWriter(Dialect dialect, Folding folding) {
		this.dialect = dialect;
		this.folding = folding;
		this.postgres = "postgresql".equals(dialect.name());
		this.mariaDb = "mariadb".equals(dialect.name());
	}

	/** A writer for a dialect whose database folds unquoted names as given. */
	public static DdlWriter of(Dialect dialect, Folding folding) {
		return new DdlWriter(dialect, folding);
	}

	/** A writer for the database behind the connection, folding as it does. */
	public static DdlWriter forConnection(Connection connection) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		Folding folding = metaData.storesUpperCaseIdentifiers() ? Folding.UPPER
				: metaData.storesLowerCaseIdentifiers() ? Folding.LOWER : Folding.NONE;
		return new DdlWriter(Dialects.detect(connection), folding);
	}

	/** The statements that turn the diff's first catalog into its second. */
	public List<DdlStatement> upgrade(SchemaDiff diff) {
		return statements(diff);
	}

	/** The statements that turn the diff's second catalog back into its first. */
	public List<DdlStatement> downgrade(SchemaDiff diff) {
		return statements(diff.inverse());
	}

	private List<DdlStatement> statements(SchemaDiff diff) {
		Map<SchemaChange, String> renames = possibleRenames(diff);
		List<DdlStatement> statements = new ArrayList<>();
		for (SchemaChange change : diff.changes()) {
			List<String> notes = new ArrayList<>();
			change.review().ifPresent(notes::add);
			if (renames.containsKey(change)) {
				notes.add(renames.get(change));
			}
			for (String sql : render(change)) {
				statements.add(new DdlStatement(change, sql, notes));
				notes = List.of();
			}
		}
		return statements;
	}

	/** For each dropped column, a note if the same table gains a column of its type (each added column used once). */
	private static Map<SchemaChange, String> possibleRenames(SchemaDiff diff) {
		Map<SchemaChange, String> notes = new HashMap<>();
		Set<SchemaChange> matched = new HashSet<>();
		for (SchemaChange change : diff.changes()) {
			if (change instanceof DropColumn drop) {
				for (SchemaChange other : diff.changes()) {
					if (other instanceof AddColumn add && add.table().equals(drop.table()) && !matched.contains(add)
							&& add.column().type().equals(drop.column().type())) {
						matched.add(add);
						notes.put(drop, "possible rename of " + drop.column().name() + " to " + add.column().name()
								+ ": review");
						break;
					}
				}
			}
		}
		return notes;
	}

	private List<String> render(SchemaChange change) {
		if (change instanceof AddTable add) {
			return createTable(add.table());
		}
		if (change instanceof DropTable drop) {
			return List.of("DROP TABLE " + name(drop.table().name()));
		}
		if (change instanceof AddColumn add) {
			return addColumn(add.table(), add.column());
		}
		if (change instanceof DropColumn drop) {
			return List.of(alterTable(drop.table()) + "DROP COLUMN " + name(drop.column().name()));
		}
		if (change instanceof AlterColumn alter) {
			return alterColumn(alter);
		}
		if (change instanceof AddElement add) {
			return List.of(addElement(add.table(), add.element()));
		}
		if (change instanceof DropElement drop) {
			return List.of(dropElement(drop.table(), drop.element()));
		}
		if (change instanceof AddSequence add) {
			return List.of(createSequence(add.sequence()));
		}
		if (change instanceof DropSequence drop) {
			return List.of("DROP SEQUENCE " + name(drop.sequence().name()));
		}
		ChangeTableComment comment = (ChangeTableComment) change;
		return List.of(tableComment(comment.table(), comment.to()));
	}

	private List<String> createTable(Table table) {
		List<String> lines = new ArrayList<>();
		List<String> keyColumns = (table.primaryKey() != null) ? table.primaryKey().columns() : List.of();
		for (String key : keyColumns) {
			lines.add(columnDefinition(table.column(key).orElseThrow()));
		}
		for (Column column : table.columns()) {
			if (!keyColumns.contains(column.name())) {
				lines.add(columnDefinition(column));
			}
		}
		for (TableElement element : table.elements()) {
			lines.add(constraint(element));
		}
		String create = "CREATE TABLE " + name(table.name()) + " (\n  " + String.join(",\n  ", lines) + "\n)";
		List<String> statements = new ArrayList<>();
		if (this.mariaDb) {
			statements.add(create + ((table.comment() != null) ? " COMMENT = " + literal(table.comment()) : ""));
			return statements;
		}
		statements.add(create);
		if (table.comment() != null) {
			statements.add(tableComment(table.name(), table.comment()));
		}
		for (Column column : table.columns()) {
			if (column.comment() != null) {
				statements.add(columnComment(table.name(), column));
			}
		}
		return statements;
	}

	private List<String> addColumn(String table, Column column) {
		String add = alterTable(table) + "ADD COLUMN " + columnDefinition(column);
		return (this.mariaDb || column.comment() == null) ? List.of(add) : List.of(add, columnComment(table, column));
	}

	private String columnDefinition(Column column) {
		StringBuilder sql = new StringBuilder(name(column.name())).append(' ').append(column.type().sql());
		if (column.generatedExpression() != null) {
			sql.append(" GENERATED ALWAYS AS (").append(column.generatedExpression()).append(')');
			sql.append(("h2".equals(this.dialect.name())) ? "" : " STORED");
		}
		if (column.defaultExpression() != null) {
			sql.append(" DEFAULT ").append(column.defaultExpression());
		}
		if (column.identity() != null) {
			sql.append(this.mariaDb ? " AUTO_INCREMENT" : " GENERATED " + identity(column.identity()) + " AS IDENTITY");
		}
		if (!column.nullable()) {
			sql.append(" NOT NULL");
		}
		else if (this.mariaDb && column.generatedExpression() == null) {
			// Explicit, as some MariaDB types (timestamp) are NOT NULL unless told; a computed column takes neither.
			sql.append(" NULL");
		}
		if (this.mariaDb && column.comment() != null) {
			sql.append(" COMMENT ").append(literal(column.comment()));
		}
		return sql.toString();
	}

	private static String identity(Column.Identity identity) {
		return (identity == Column.Identity.ALWAYS) ? "ALWAYS" : "BY DEFAULT";
	}

	private List<String> alterColumn(AlterColumn alter) {
		String table = alter.table();
		if (alter.aspect() == AlterColumn.Aspect.GENERATED) {
			List<String> statements = new ArrayList<>();
			statements.add(alterTable(table) + "DROP COLUMN " + name(alter.from().name()));
			statements.addAll(addColumn(table, alter.to()));
			return statements;
		}
		if (this.mariaDb) {
			return List.of(alterTable(table) + "MODIFY COLUMN " + columnDefinition(alter.to()));
		}
		Column to = alter.to();
		String column = alterTable(table) + "ALTER COLUMN " + name(to.name()) + " ";
		return List.of(switch (alter.aspect()) {
			case TYPE -> column + (this.postgres ? "TYPE " + to.type().sql() + using(alter) : "SET DATA TYPE " + to.type().sql());
			case NULLABILITY -> column + (to.nullable() ? "DROP NOT NULL" : "SET NOT NULL");
			case DEFAULT -> column + ((to.defaultExpression() != null) ? "SET DEFAULT " + to.defaultExpression() : "DROP DEFAULT");
			case IDENTITY -> column + identityChange(alter.from(), to);
			default -> columnComment(table, to);
		});
	}

	/** PostgreSQL's cast for a type that changes its name ({@code USING n::integer}); none where only modifiers change. */
	private String using(AlterColumn alter) {
		boolean sameName = alter.from().type().name().equals(alter.to().type().name());
		return sameName ? "" : " USING " + name(alter.to().name()) + "::" + alter.to().type().sql();
	}

	private String identityChange(Column from, Column to) {
		if (to.identity() == null) {
			return "DROP IDENTITY";
		}
		if (from.identity() == null && this.postgres) {
			return "ADD GENERATED " + identity(to.identity()) + " AS IDENTITY";
		}
		return "SET GENERATED " + identity(to.identity());
	}

	private String constraint(TableElement element) {
		if (element instanceof PrimaryKey primaryKey) {
			return named(primaryKey.name()) + "PRIMARY KEY (" + names(primaryKey.columns()) + ")";
		}
		if (element instanceof UniqueConstraint unique) {
			return named(unique.name()) + "UNIQUE (" + names(unique.columns()) + ")";
		}
		if (element instanceof CheckConstraint check) {
			return named(check.name()) + "CHECK (" + check.expression() + ")";
		}
		ForeignKey foreignKey = (ForeignKey) element;
		String target = (foreignKey.targetSchema() != null)
				? name(foreignKey.targetSchema()) + "." + name(foreignKey.targetTable()) : name(foreignKey.targetTable());
		return named(foreignKey.name()) + "FOREIGN KEY (" + names(foreignKey.columns()) + ") REFERENCES " + target + " ("
				+ names(foreignKey.targetColumns()) + ") ON DELETE " + foreignKey.onDelete().sql() + " ON UPDATE "
				+ foreignKey.onUpdate().sql();
	}

	private String named(String constraintName) {
		return (constraintName != null) ? "CONSTRAINT " + name(constraintName) + " " : "";
	}

	private String addElement(String table, TableElement element) {
		if (element instanceof Index index) {
			String keys = index.columns().stream().map(this::indexKey).collect(Collectors.joining(", "));
			return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + name(index.name()) + " ON " + name(table)
					+ " (" + keys + ")" + ((index.predicate() != null) ? " WHERE " + index.predicate() : "");
		}
		return alterTable(table) + "ADD " + constraint(element);
	}

	/** A key as PostgreSQL reports it is SQL already; H2 and MariaDB report column names, MariaDB with a prefix. */
	private String indexKey(Index.Key key) {
		String sql = key.expression();
		if (!this.postgres) {
			Matcher prefix = PREFIX_KEY.matcher(sql);
			sql = prefix.matches() ? name(prefix.group(1)) + "(" + prefix.group(2) + ")" : name(sql);
		}
		return sql + (key.descending() ? " DESC" : "");
	}

	private String dropElement(String table, TableElement element) {
		if (element instanceof Index index) {
			return "DROP INDEX " + name(index.name()) + (this.mariaDb ? " ON " + name(table) : "");
		}
		if (element instanceof ForeignKey && this.mariaDb) {
			return alterTable(table) + "DROP FOREIGN KEY " + name(element.name());
		}
		if (element instanceof PrimaryKey && !this.postgres) {
			return alterTable(table) + "DROP PRIMARY KEY";
		}
		return alterTable(table) + "DROP CONSTRAINT " + name(element.name());
	}

	private String createSequence(Sequence sequence) {
		String type = (sequence.dataType() != null && !this.mariaDb) ? " AS " + sequence.dataType() : "";
		String noCycle = this.mariaDb ? " NOCYCLE" : " NO CYCLE";
		return "CREATE SEQUENCE " + name(sequence.name()) + type + " START WITH " + sequence.start() + " INCREMENT BY "
				+ sequence.increment() + " MINVALUE " + sequence.minValue() + " MAXVALUE " + sequence.maxValue()
				+ (sequence.cycle() ? " CYCLE" : noCycle);
	}

	private String tableComment(String table, String comment) {
		if (this.mariaDb) {
			return alterTable(table) + "COMMENT = " + literal((comment != null) ? comment : "");
		}
		return "COMMENT ON TABLE " + name(table) + " IS " + ((comment != null) ? literal(comment) : "NULL");
	}

	private String columnComment(String table, Column column) {
		return "COMMENT ON COLUMN " + name(table) + "." + name(column.name()) + " IS "
				+ ((column.comment() != null) ? literal(column.comment()) : "NULL");
	}

	private String alterTable(String table) {
		return "ALTER TABLE " + name(table) + " ";
	}

	private String literal(String value) {
		return this.dialect.stringLiteral(value);
	}

	private String names(List<String> identifiers) {
		return identifiers.stream().map(this::name).collect(Collectors.joining(", "));
	}

	/** The dialect's quoting, and quotes besides where the database would fold the name into another case. */
	private String name(String identifier) {
		String quoted = this.dialect.quote(identifier);
		if (!quoted.equals(identifier) || folded(identifier).equals(identifier)) {
			return quoted;
		}
		String quote = this.mariaDb ? "`" : "\"";
		return quote + identifier.replace(quote, quote + quote) + quote;
	}

	private String folded(String identifier) {
		return switch (this.folding) {
			case LOWER -> identifier.toLowerCase(Locale.ROOT);
			case UPPER -> identifier.toUpperCase(Locale.ROOT);
			case NONE -> identifier;
		};
	}

}
