package dev.migrations.jpa;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.hibernate.annotations.OnDeleteAction;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.Exportable;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.dialect.Dialect;
import org.hibernate.mapping.Selectable;
import org.hibernate.tool.schema.spi.Exporter;

import dev.migrations.jpa.ScratchProbe.ScratchConventions;
import dev.migrations.schema.Catalog;
import dev.migrations.schema.CatalogReaders;
import dev.migrations.schema.Column;
import dev.migrations.schema.ColumnType;
import dev.migrations.schema.ForeignKey;
import dev.migrations.schema.Index;
import dev.migrations.schema.PrimaryKey;
import dev.migrations.schema.Sequence;
import dev.migrations.schema.Table;
import dev.migrations.schema.TableElement;
import dev.migrations.schema.TableFilter;

/**
 * The catalog of the entities' schema, built from Hibernate's mapping model, with the database asked only what it
 * decides itself. Names, nullability, keys, indexes and foreign keys come from the mapping; how the database spells
 * each type and names what nobody named comes from a {@link ScratchProbe}. A table with something the database
 * rewrites or names (a check, a default, a unique constraint, a generated column, a {@code columnDefinition}, a
 * comment, a quoted name) is created whole in the scratch place by Hibernate's own DDL exporters and read back,
 * foreign keys aside. So the catalog is the one Hibernate's {@code create} would leave, at the cost of a few
 * statements instead of one per table, index and key.
 */
final class MappedCatalog {

	private final HibernateMapping mapping;

	private final Connection scratch;

	private final String schema;

	/** The longest name the database keeps, or 0 for no limit: longer ones it cuts or refuses. */
	private final int nameLimit;

	private MappedCatalog(HibernateMapping mapping, Connection scratch, String schema) throws SQLException {
		this.mapping = mapping;
		this.scratch = scratch;
		this.schema = schema;
		this.nameLimit = scratch.getMetaData().getMaxColumnNameLength();
	}

	/**
	 * The catalog of the tables and sequences the entities map to in the default schema; entities mapped to another
	 * schema or catalog are left out, as Alembic leaves out other schemas.
	 * @param scratch a connection to the empty scratch place
	 * @param schema the scratch schema to read, or {@code null} for the connection's own
	 * @throws ScratchProbe.TypeRefused when the database refuses a column type Hibernate writes
	 * @throws SQLException when the database refuses a table Hibernate writes, or can't be read
	 */
	static Catalog read(HibernateMapping mapping, Connection scratch, String schema) throws SQLException {
		return new MappedCatalog(mapping, scratch, schema).read();
	}

	private Catalog read() throws SQLException {
		Namespace namespace = this.mapping.database().getDefaultNamespace();
		List<org.hibernate.mapping.Table> tables = namespace.getTables()
			.stream()
			.filter((table) -> table.isPhysicalTable() && !table.isView())
			.toList();
		createTypesAndAuxiliaryObjects();
		Set<org.hibernate.mapping.Table> byDatabase = tables.stream()
			.filter(this::createdWhole)
			.collect(Collectors.toSet());
		ScratchProbe probe = ScratchProbe.run(this.scratch, this.schema, dialect(), probedTypes(tables, byDatabase),
				probedSequences(namespace));
		ScratchConventions conventions = probe.conventions();
		List<org.hibernate.mapping.Table> whole = tables.stream()
			.filter((table) -> byDatabase.contains(table) || table.getColumns()
				.stream()
				.anyMatch((column) -> probe.type(column.getSqlType(metadata())).isEmpty()))
			.toList();
		Map<String, Table> created = createWhole(whole);
		Set<org.hibernate.mapping.Table> createdTables = Set.copyOf(whole);
		IndexKeys keys = IndexKeys.of(this.scratch, tables, conventions);
		List<Table> catalogTables = new ArrayList<>();
		for (org.hibernate.mapping.Table table : tables) {
			String name = name(table.getNameIdentifier(), conventions);
			Table base = createdTables.contains(table) ? created.get(name) : plainTable(table, name, probe, keys);
			catalogTables.add(withForeignKeys(base, table, conventions));
		}
		return new Catalog(probe.schema(), catalogTables, sequences(namespace, probe));
	}

	/** The types of the columns of the tables not created whole, each with the first column of it. */
	private Map<String, String> probedTypes(List<org.hibernate.mapping.Table> tables,
			Set<org.hibernate.mapping.Table> createdWhole) {
		Map<String, String> types = new LinkedHashMap<>();
		for (org.hibernate.mapping.Table table : tables) {
			if (!createdWhole.contains(table)) {
				for (org.hibernate.mapping.Column column : table.getColumns()) {
					types.putIfAbsent(column.getSqlType(metadata()), table.getName() + "." + column.getName());
				}
			}
		}
		return types;
	}

	/** The statements creating one probe sequence per distinct sequence definition, by {@link #sequenceKey}. */
	private Map<String, String[]> probedSequences(Namespace namespace) {
		Map<String, String[]> statements = new LinkedHashMap<>();
		for (org.hibernate.boot.model.relational.Sequence sequence : namespace.getSequences()) {
			statements.computeIfAbsent(sequenceKey(sequence),
					(key) -> dialect().getSequenceSupport()
						.getCreateSequenceStrings(ScratchProbe.sequenceName(statements.size()),
								sequence.getInitialValue(), sequence.getIncrementSize(), sequence.getOptions()));
		}
		return statements;
	}

	/** The entities' sequences, each as the probe sequence of its definition read, under its own name. */
	private static List<Sequence> sequences(Namespace namespace, ScratchProbe probe) {
		List<Sequence> sequences = new ArrayList<>();
		for (org.hibernate.boot.model.relational.Sequence sequence : namespace.getSequences()) {
			Sequence read = probe.sequence(sequenceKey(sequence));
			sequences.add(new Sequence(name(sequence.getName().getSequenceName(), probe.conventions()),
					read.dataType(), read.start(), read.increment(), read.minValue(), read.maxValue(), read.cycle()));
		}
		return sequences;
	}

	/**
	 * Whether the database must create the table for its catalog to be known: it holds something the database
	 * rewrites (a check's or a default's text) or names (an unnamed unique constraint), or text the mapping does not
	 * break down (a {@code columnDefinition}, a generated column, options, a formula in an index), or a name the
	 * database may refuse: longer than it keeps (PostgreSQL cuts it, MariaDB refuses it), or a word the dialect knows
	 * as reserved, unquoted ({@code key} is a column on PostgreSQL, a syntax error on H2 and MariaDB). Asked before
	 * anything asks a column its type, which Hibernate then keeps as if it were a {@code columnDefinition}.
	 */
	private boolean createdWhole(org.hibernate.mapping.Table table) {
		return table.isQuoted() || table.getComment() != null || !table.getChecks().isEmpty() || tooLong(table)
				|| reserved(table.getName())
				|| !table.getUniqueKeys().isEmpty() || given(table.getOptions())
				|| given(table.getExtraDeclarations()) || table.getRowId() != null
				|| table.getColumns().stream().anyMatch(this::writtenByDatabase)
				|| table.getIndexes().values().stream().anyMatch(MappedCatalog::writtenByDatabase);
	}

	/** Whether the dialect knows the word as reserved (SQL:2003's, the driver's and its own, in lower case). */
	private boolean reserved(String unquotedName) {
		return dialect().getKeywords().contains(unquotedName.toLowerCase(Locale.ROOT));
	}

	private boolean tooLong(org.hibernate.mapping.Table table) {
		return this.nameLimit > 0 && Stream
			.of(Stream.of(table.getName()), table.getColumns().stream().map(org.hibernate.mapping.Column::getName),
					table.getIndexes().keySet().stream())
			.flatMap((names) -> names)
			.anyMatch((name) -> name.length() > this.nameLimit);
	}

	private boolean writtenByDatabase(org.hibernate.mapping.Column column) {
		return column.isQuoted() || reserved(column.getName()) || column.getSqlType() != null
				|| column.getDefaultValue() != null
				|| column.getGeneratedAs() != null || column.hasCheckConstraint() || column.isUnique()
				|| column.getComment() != null || column.getCollation() != null || given(column.getOptions())
				|| (column.isIdentity() && !dialect().getIdentityColumnSupport().hasDataTypeInIdentityColumn());
	}

	private static boolean writtenByDatabase(org.hibernate.mapping.Index index) {
		return index.isUnique() || given(index.getOptions())
				|| index.getSelectables().stream().anyMatch((key) -> !(key instanceof org.hibernate.mapping.Column column)
						|| column.isQuoted());
	}

	private Table plainTable(org.hibernate.mapping.Table table, String name, ScratchProbe probe, IndexKeys keys) {
		ScratchConventions conventions = probe.conventions();
		org.hibernate.mapping.PrimaryKey primaryKey = table.getPrimaryKey();
		List<Column> columns = new ArrayList<>();
		for (org.hibernate.mapping.Column column : table.getColumns()) {
			ColumnType type = probe.type(column.getSqlType(metadata())).orElseThrow();
			boolean identity = column.isIdentity();
			boolean keyColumn = primaryKey != null && primaryKey.containsColumn(column);
			columns.add(new Column(conventions.unquoted(column.getName()), type,
					column.isNullable() && !keyColumn && !identity, null, identity ? conventions.identity() : null,
					null, null));
		}
		PrimaryKey key = (primaryKey == null) ? null
				: new PrimaryKey(conventions.primaryKeyName(name), primaryKey.getColumns()
					.stream()
					.map((column) -> conventions.unquoted(column.getName()))
					.toList());
		List<Index> indexes = new ArrayList<>();
		for (org.hibernate.mapping.Index index : table.getIndexes().values()) {
			List<Index.Key> indexKeys = new ArrayList<>();
			for (Selectable selectable : index.getSelectables()) {
				String order = index.getSelectableOrderMap().get(selectable);
				indexKeys.add(new Index.Key(keys.of(conventions.unquoted(selectable.getText())),
						order != null && order.toLowerCase(Locale.ROOT).contains("desc")));
			}
			indexes.add(new Index(name(Identifier.toIdentifier(index.getName()), conventions), indexKeys, false, null));
		}
		return new Table(name, columns, key, List.of(), indexes, List.of(), List.of(), null);
	}

	/** The table with the foreign keys Hibernate adds after every table exists, and the indexes they bring. */
	private Table withForeignKeys(Table table, org.hibernate.mapping.Table mapped, ScratchConventions conventions) {
		List<ForeignKey> foreignKeys = new ArrayList<>(table.foreignKeys());
		List<Index> indexes = new ArrayList<>(table.indexes());
		for (org.hibernate.mapping.ForeignKey key : mapped.getForeignKeyCollection()) {
			if (!dialect().hasAlterTable() || !key.isCreationEnabled() || !key.isPhysicalConstraint()) {
				continue;
			}
			List<org.hibernate.mapping.Column> targets = key.isReferenceToPrimaryKey()
					? key.getReferencedTable().getPrimaryKey().getColumns() : key.getReferencedColumns();
			ForeignKey foreignKey = new ForeignKey(name(Identifier.toIdentifier(key.getName()), conventions),
					columnNames(key.getColumns(), conventions), null,
					name(key.getReferencedTable().getNameIdentifier(), conventions), columnNames(targets, conventions),
					onDelete(key.getOnDeleteAction(), conventions), conventions.onUpdate());
			foreignKeys.add(foreignKey);
			List<TableElement> elements = new ArrayList<>(table.elements());
			elements.addAll(indexes);
			conventions.indexFor(foreignKey, elements).ifPresent(indexes::add);
		}
		return new Table(table.name(), table.columns(), table.primaryKey(), table.uniqueConstraints(), indexes,
				foreignKeys, table.checkConstraints(), table.comment());
	}

	private ForeignKey.Action onDelete(OnDeleteAction action, ScratchConventions conventions) {
		if (action == null || action == OnDeleteAction.NO_ACTION || !dialect().supportsCascadeDelete()) {
			return conventions.onDelete();
		}
		return ForeignKey.Action.parse(action.toSqlString());
	}

	/** Creates the tables whole, as Hibernate's {@code create} does, foreign keys aside, and reads them back. */
	private Map<String, Table> createWhole(List<org.hibernate.mapping.Table> tables) throws SQLException {
		if (tables.isEmpty()) {
			return Map.of();
		}
		List<String> statements = new ArrayList<>();
		for (org.hibernate.mapping.Table table : tables) {
			add(statements, dialect().getTableExporter(), table);
		}
		for (org.hibernate.mapping.Table table : tables) {
			for (org.hibernate.mapping.Index index : table.getIndexes().values()) {
				add(statements, dialect().getIndexExporter(), index);
			}
			for (org.hibernate.mapping.UniqueKey key : table.getUniqueKeys().values()) {
				add(statements, dialect().getUniqueKeyExporter(), key);
			}
		}
		ScratchProbe.execute(this.scratch, statements);
		if ("H2".equals(this.scratch.getMetaData().getDatabaseProductName())) {
			H2ConstraintNames.nameInvented(this.scratch);
		}
		Map<String, Table> created = new HashMap<>();
		for (Table table : CatalogReaders.detect(this.scratch).read(this.scratch, this.schema, TableFilter.all()).tables()) {
			created.put(table.name(), table);
		}
		return created;
	}

	/** The user-defined types and auxiliary objects (PostgreSQL's named enums) the tables may use. */
	private void createTypesAndAuxiliaryObjects() throws SQLException {
		List<String> statements = new ArrayList<>();
		for (var type : this.mapping.database().getDefaultNamespace().getDependencyOrderedUserDefinedTypes()) {
			add(statements, dialect().getUserDefinedTypeExporter(), type);
		}
		for (var object : this.mapping.database().getAuxiliaryDatabaseObjects()) {
			if (object.beforeTablesOnCreation() && object.appliesToDialect(dialect())) {
				add(statements, dialect().getAuxiliaryDatabaseObjectExporter(), object);
			}
		}
		ScratchProbe.execute(this.scratch, statements);
	}

	/** Adds the statements with which Hibernate's exporter creates the object. */
	private <T extends Exportable> void add(List<String> statements, Exporter<T> exporter, T object) {
		statements.addAll(List.of(exporter.getSqlCreateStrings(object, metadata(), context())));
	}

	/** Whether a text option is set: Hibernate leaves unset ones empty or {@code null}. */
	private static boolean given(String option) {
		return option != null && !option.isEmpty();
	}

	private static String sequenceKey(org.hibernate.boot.model.relational.Sequence sequence) {
		return sequence.getInitialValue() + "/" + sequence.getIncrementSize() + "/"
				+ Objects.toString(sequence.getOptions(), "");
	}

	private static List<String> columnNames(List<org.hibernate.mapping.Column> columns, ScratchConventions conventions) {
		return columns.stream()
			.map((column) -> name(Identifier.toIdentifier(column.getName(), column.isQuoted()), conventions))
			.toList();
	}

	private static String name(Identifier identifier, ScratchConventions conventions) {
		return identifier.isQuoted() ? identifier.getText() : conventions.unquoted(identifier.getText());
	}

	private Metadata metadata() {
		return this.mapping.metadata();
	}

	private Dialect dialect() {
		return this.mapping.dialect();
	}

	private SqlStringGenerationContext context() {
		return this.mapping.sqlContext();
	}

	/**
	 * Index keys as the catalog reader reports a plain column: PostgreSQL's {@code pg_get_indexdef} quotes a
	 * column whose name is a keyword ({@code "time"}), which its {@code quote_ident} does alike, asked once for all
	 * names; the other databases report the name as it is.
	 */
	private record IndexKeys(Map<String, String> quoted) {

		static IndexKeys of(Connection connection, List<org.hibernate.mapping.Table> tables,
				ScratchConventions conventions) throws SQLException {
			if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
				return new IndexKeys(Map.of());
			}
			String[] names = tables.stream()
				.flatMap((table) -> table.getIndexes().values().stream())
				.flatMap((index) -> index.getSelectables().stream())
				.map((key) -> conventions.unquoted(key.getText()))
				.distinct()
				.toArray(String[]::new);
			Map<String, String> quoted = new HashMap<>();
			if (names.length == 0) {
				return new IndexKeys(quoted);
			}
			Array array = connection.createArrayOf("text", names);
			try (PreparedStatement statement = connection
				.prepareStatement("SELECT n, quote_ident(n) FROM unnest(?::text[]) AS n")) {
				statement.setArray(1, array);
				try (ResultSet rows = statement.executeQuery()) {
					while (rows.next()) {
						quoted.put(rows.getString(1), rows.getString(2));
					}
				}
			}
			finally {
				array.free();
			}
			return new IndexKeys(quoted);
		}

		String of(String column) {
			return this.quoted.getOrDefault(column, column);
		}

	}

}
