package dev.migrations.jpa;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.hibernate.dialect.Dialect;

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
import dev.migrations.schema.UniqueConstraint;

/**
 * What the database decides when a schema is created, learned from a few objects created in the scratch place: how
 * it spells each column type Hibernate writes, how it folds unquoted names, how it names a primary key, which
 * referential action a foreign key gets when none is written, whether it indexes a foreign key itself, and how it
 * reports a sequence. One table with a column per distinct type, a foreign key on it and one sequence per distinct
 * definition answer all of it, where creating every entity's table would cost a statement per table, index and key.
 */
final class ScratchProbe {

	static final String TABLE = "Migrations_Probe";

	private static final String KEY = "Probe_Id";

	private static final String REFERENCE = "Probe_Ref";

	private static final String FOREIGN_KEY = "Probe_Fk";

	private final Map<String, ColumnType> types;

	private final Map<String, Sequence> sequences;

	private final ScratchConventions conventions;

	private final String schema;

	private ScratchProbe(Map<String, ColumnType> types, Map<String, Sequence> sequences,
			ScratchConventions conventions, String schema) {
		this.schema = schema;
		this.types = types;
		this.sequences = sequences;
		this.conventions = conventions;
	}

	/**
	 * Creates the probe in the scratch place and reads it.
	 * @param typeColumns the column types as Hibernate writes them ({@code varchar(100)}), each with a column of
	 * that type ({@code item.name}) to name if the database refuses the type
	 * @param sequences the statements that create each distinct sequence, by a key of the caller's, in the order
	 * of the map; each creates the sequence named {@link #sequenceName(int)} of its position
	 */
	static ScratchProbe run(Connection connection, String schema, Dialect dialect, Map<String, String> typeColumns,
			Map<String, String[]> sequences) throws SQLException {
		List<String> types = List.copyOf(typeColumns.keySet());
		boolean together = createProbeTable(connection, dialect, typeColumns);
		List<String> statements = new ArrayList<>();
		statements.add("alter table " + TABLE + " add constraint " + FOREIGN_KEY + " foreign key (" + REFERENCE
				+ ") references " + TABLE + " (" + KEY + ")");
		sequences.values().forEach((create) -> statements.addAll(List.of(create)));
		execute(connection, statements);
		Catalog read = CatalogReaders.detect(connection).read(connection, schema, TableFilter.all());
		Table probe = named(read.tables(), Table::name, TABLE);
		ScratchConventions conventions = ScratchConventions.of(probe, TABLE, KEY, REFERENCE, FOREIGN_KEY,
				connection.getMetaData().getMaxColumnNameLength());
		Map<String, ColumnType> columnTypes = new HashMap<>();
		for (int i = 0; i < types.size(); i++) {
			Table holder = together ? probe : named(read.tables(), Table::name, typeTable(i));
			Column column = named(holder.columns(), Column::name, typeColumn(i));
			if (column.nullable() && column.defaultExpression() == null && column.identity() == null
					&& column.generatedExpression() == null && column.comment() == null) {
				columnTypes.put(types.get(i), column.type());
			}
		}
		Map<String, Sequence> sequenceReads = new HashMap<>();
		int position = 0;
		for (String key : sequences.keySet()) {
			sequenceReads.put(key, named(read.sequences(), Sequence::name, sequenceName(position++)));
		}
		return new ScratchProbe(columnTypes, sequenceReads, conventions, read.schema());
	}

	/** The name of the sequence the probe creates at that position, for the caller's create statements. */
	static String sequenceName(int position) {
		return TABLE + "_S" + position;
	}

	/**
	 * The type the database reports for a type Hibernate writes, if it holds it as it is: a type that brings a
	 * default, a {@code NOT NULL} or an identity with it (MariaDB's {@code timestamp} in some modes) is the
	 * database's to describe, so the tables with it are created whole.
	 */
	Optional<ColumnType> type(String hibernateType) {
		return Optional.ofNullable(this.types.get(hibernateType));
	}

	/** The sequence created by the statements given under that key, under the probe's name. */
	Sequence sequence(String key) {
		return this.sequences.get(key);
	}

	/** The scratch schema, as the catalog reader names it. */
	String schema() {
		return this.schema;
	}

	ScratchConventions conventions() {
		return this.conventions;
	}

	private static String probeTable(Dialect dialect, List<String> types) {
		StringBuilder create = new StringBuilder("create table ").append(TABLE)
			.append(" (")
			.append(KEY)
			.append(" bigint ")
			.append(dialect.getIdentityColumnSupport().getIdentityColumnString(Types.BIGINT))
			.append(", ")
			.append(REFERENCE)
			.append(" bigint");
		for (int i = 0; i < types.size(); i++) {
			create.append(", ").append(typeColumn(i)).append(' ').append(column(dialect, types.get(i)));
		}
		return create.append(", primary key (").append(KEY).append("))").append(dialect.getTableTypeString()).toString();
	}

	/** A nullable column of the type, as Hibernate writes one ({@code timestamp null} on MariaDB). */
	private static String column(Dialect dialect, String type) {
		return type + dialect.getNullColumnString(type);
	}

	private static String typeColumn(int position) {
		return "Probe_T" + position;
	}

	/**
	 * Creates the probe table with a column of each type. When the database refuses them together but takes each
	 * alone (MariaDB counts every {@code varchar}'s full length against one row), each type gets a table of its own
	 * instead, and the probe table none.
	 * @return whether the types are columns of the probe table
	 * @throws TypeRefused naming the first type the database refuses alone: a type the dialect writes and the
	 * database lacks
	 */
	private static boolean createProbeTable(Connection connection, Dialect dialect, Map<String, String> typeColumns)
			throws SQLException {
		List<String> types = List.copyOf(typeColumns.keySet());
		try {
			execute(connection, List.of(probeTable(dialect, types)));
			return true;
		}
		catch (SQLException together) {
			for (int i = 0; i < types.size(); i++) {
				try {
					execute(connection, List.of("create table " + typeTable(i) + " (" + typeColumn(i) + " "
							+ column(dialect, types.get(i)) + ")" + dialect.getTableTypeString()));
				}
				catch (SQLException alone) {
					throw new TypeRefused(types.get(i) + " (" + typeColumns.get(types.get(i)) + ")", alone);
				}
			}
			execute(connection, List.of(probeTable(dialect, List.of())));
			return false;
		}
	}

	private static String typeTable(int position) {
		return TABLE + "_T" + position;
	}

	static void execute(Connection connection, List<String> statements) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	/** The one of the elements whose name is {@code name} in the database's case. */
	static <T> T named(List<T> elements, Function<T, String> name, String wanted) {
		return elements.stream()
			.filter((element) -> name.apply(element).equalsIgnoreCase(wanted))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("The scratch database lost " + wanted));
	}

	/** The database refused a column type Hibernate writes, alone: this database does not have it. */
	static final class TypeRefused extends RuntimeException {

		private final String type;

		TypeRefused(String type, SQLException cause) {
			super(cause.getMessage(), cause);
			this.type = type;
		}

		/** The type refused and a column of it: {@code inet (server.address)}. */
		String type() {
			return this.type;
		}

	}

	/**
	 * The database's own conventions, read from the probe table.
	 *
	 * @param upperCase whether unquoted names are stored in upper case
	 * @param lowerCase whether unquoted names are stored in lower case
	 * @param primaryKeySuffix what the database appends to a table's name to name its primary key ({@code _pkey}),
	 * or {@code null} when the catalog reads the name as unnamed
	 * @param maxNameLength the longest name the database keeps (longer ones are cut), or 0 for no limit
	 * @param identity what an identity column reads as
	 * @param onDelete the action of a foreign key that names none on delete
	 * @param onUpdate the action of a foreign key that names none on update
	 * @param indexesForeignKeys whether the database indexes a foreign key's columns itself when no index starts
	 * with them (MariaDB), naming the index after the key
	 */
	record ScratchConventions(boolean upperCase, boolean lowerCase, String primaryKeySuffix, int maxNameLength,
			Column.Identity identity, ForeignKey.Action onDelete, ForeignKey.Action onUpdate,
			boolean indexesForeignKeys) {

		static ScratchConventions of(Table probe, String tableName, String key, String reference, String foreignKey,
				int maxNameLength) {
			String stored = probe.name();
			String primaryKey = probe.primaryKey().name();
			String suffix = (primaryKey != null && primaryKey.regionMatches(true, 0, stored, 0, stored.length()))
					? primaryKey.substring(stored.length()) : null;
			ForeignKey read = probe.foreignKeys().get(0);
			boolean indexed = probe.indexes()
				.stream()
				.anyMatch((index) -> index.columns().size() == 1
						&& index.columns().get(0).expression().equalsIgnoreCase(reference));
			Column id = named(probe.columns(), Column::name, key);
			return new ScratchConventions(stored.equals(tableName.toUpperCase(Locale.ROOT)),
					stored.equals(tableName.toLowerCase(Locale.ROOT)), suffix, maxNameLength, id.identity(),
					read.onDelete(), read.onUpdate(), indexed);
		}

		/** An unquoted name as the database stores it. */
		String unquoted(String name) {
			String folded = this.upperCase ? name.toUpperCase(Locale.ROOT)
					: this.lowerCase ? name.toLowerCase(Locale.ROOT) : name;
			return cut(folded);
		}

		/** The name of a table's primary key, or {@code null} when the catalog reads it as unnamed. */
		String primaryKeyName(String table) {
			if (this.primaryKeySuffix == null) {
				return null;
			}
			int room = (this.maxNameLength > 0) ? this.maxNameLength - this.primaryKeySuffix.length() : table.length();
			return table.substring(0, Math.min(table.length(), room)) + this.primaryKeySuffix;
		}

		private String cut(String name) {
			return (this.maxNameLength > 0 && name.length() > this.maxNameLength)
					? name.substring(0, this.maxNameLength) : name;
		}

		/**
		 * The index the database adds for a foreign key, when it indexes keys itself and no index, key or unique
		 * constraint of the table starts with the key's columns.
		 */
		Optional<Index> indexFor(ForeignKey key, List<TableElement> elements) {
			if (!this.indexesForeignKeys) {
				return Optional.empty();
			}
			boolean covered = elements.stream().anyMatch((element) -> startsWith(element, key.columns()));
			return covered ? Optional.empty()
					: Optional.of(new Index(key.name(),
							key.columns().stream().map((column) -> new Index.Key(column, false)).toList(), false, null));
		}

		private static boolean startsWith(TableElement element, List<String> columns) {
			List<String> leading = List.of();
			if (element instanceof Index index) {
				leading = index.columns().stream().map(Index.Key::expression).toList();
			}
			else if (element instanceof PrimaryKey key) {
				leading = key.columns();
			}
			else if (element instanceof UniqueConstraint unique) {
				leading = unique.columns();
			}
			return leading.size() >= columns.size() && leading.subList(0, columns.size()).equals(columns);
		}

	}

}
