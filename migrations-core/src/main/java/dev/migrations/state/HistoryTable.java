package dev.migrations.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import dev.migrations.dialect.Dialect;

/**
 * The history table ({@code migrations_history}): an append-only log of every upgrade, downgrade and stamp
 * step, one {@link HistoryEntry} per row. Its columns: {@code id} (identity, the order of the rows),
 * {@code revision}, {@code from_revisions} and {@code to_revisions} (ids joined with {@code ", "}),
 * {@code operation} ({@code upgrade}, {@code downgrade}, {@code stamp}), {@code message}, {@code checksum},
 * {@code installed_by}, {@code installed_at} (UTC, a timestamp without time zone), {@code execution_ms},
 * {@code success} and {@code partial_state} (nullable: for a failed step that left statements applied, which ran and
 * which failed). A stamp step writes one row for each revision it writes or removes.
 * <p>
 * Tables created before {@code partial_state} existed keep working: reads take the columns the table has, and
 * {@link #createIfMissing} (which runs under the migration lock) adds the column.
 */
public final class HistoryTable {

	/** The length of the longest text the {@code message} and {@code partial_state} columns hold. */
	private static final int LONGEST_TEXT = 1000;

	/** Seconds and microseconds always written, which every supported database reads in a timestamp literal. */
	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

	private static final String COLUMNS = "revision, from_revisions, to_revisions, operation, message, checksum, "
			+ "installed_by, installed_at, execution_ms, success";

	private static final String PARTIAL_STATE = "partial_state";

	private final StateTable table;

	/**
	 * @param schema the configured schema, or {@code null} (or blank) for the connection's default
	 * @param table the table name, quoted where the dialect needs it
	 */
	public HistoryTable(Dialect dialect, String schema, String table) {
		this.table = new StateTable(dialect, schema, table);
	}

	/** The table's name as it appears in SQL, schema-qualified and quoted where needed. */
	public String qualifiedName() {
		return this.table.qualifiedName();
	}

	public boolean exists(Connection connection) throws SQLException {
		return this.table.exists(connection);
	}

	/**
	 * Creates the table, and a configured schema, where they are missing; adds the {@code partial_state} column to
	 * a table created before it existed.
	 */
	public void createIfMissing(Connection connection) throws SQLException {
		this.table.createIfMissing(connection, createTableSql());
		boolean hasPartialState;
		try (Statement statement = connection.createStatement();
				ResultSet none = statement.executeQuery("SELECT * FROM " + qualifiedName() + " WHERE 1 = 0")) {
			hasPartialState = Columns.of(none).has(PARTIAL_STATE);
		}
		if (!hasPartialState) {
			try (Statement statement = connection.createStatement()) {
				statement.execute(this.table.dialect().addHistoryPartialStateColumn(qualifiedName()));
			}
		}
	}

	/** The schema (when configured) and table DDL, each creating only what is missing, for offline SQL. */
	public List<String> createSql() {
		return this.table.createSql(createTableSql());
	}

	/**
	 * Appends a row on the caller's connection and transaction. A {@code null} installed-by is the database's
	 * current user and a {@code null} installed-at the database's clock in UTC. A message or partial state longer
	 * than the column's 1000 characters is cut short.
	 */
	public void append(Connection connection, HistoryEntry entry) throws SQLException {
		List<Object> parameters = new ArrayList<>();
		String sql = insertStatement(entry, (value) -> {
			parameters.add((value instanceof Instant instant) ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC) : value);
			return "?";
		});
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.size(); i++) {
				statement.setObject(i + 1, parameters.get(i));
			}
			statement.executeUpdate();
		}
	}

	/** The statement {@link #append} runs, with literals, for offline SQL (no terminating semicolon). */
	public String appendSql(HistoryEntry entry) {
		return insertStatement(entry, this::literal);
	}

	/** Every row in the order it was appended; a missing table reads as no rows. */
	public List<HistoryEntry> readAll(Connection connection) throws SQLException {
		return this.table.readOrEmpty(connection, (reading) -> {
			List<HistoryEntry> entries = new ArrayList<>();
			try (PreparedStatement statement = reading
				.prepareStatement("SELECT * FROM " + qualifiedName() + " ORDER BY id");
					ResultSet rows = statement.executeQuery()) {
				Columns columns = Columns.of(rows);
				while (rows.next()) {
					entries.add(entry(rows, columns));
				}
			}
			return List.copyOf(entries);
		}, List.of());
	}

	/**
	 * For each revision, its latest successful row that applied it (an upgrade, or a stamp that wrote it) and
	 * that no later successful downgrade of the revision undid: where {@code appliedAt}, {@code executionMs} and
	 * the recorded checksum come from. Meaningful for the revisions the version table and the graph say are
	 * applied; a stamp that removes a revision is not a downgrade and leaves its entry.
	 */
	public Map<String, HistoryEntry> latestApplied(Connection connection) throws SQLException {
		return latestApplied(readAll(connection));
	}

	/** For each applied revision, the checksum its latest applying row recorded ({@code null} for none). */
	public Map<String, String> appliedChecksums(Connection connection) throws SQLException {
		return summary(connection).appliedChecksums();
	}

	/** What a run checks before it starts, from one reading of the table. */
	public HistorySummary summary(Connection connection) throws SQLException {
		List<HistoryEntry> entries = readAll(connection);
		Map<String, String> checksums = new HashMap<>();
		latestApplied(entries).forEach((revision, entry) -> checksums.put(revision, entry.checksum()));
		return new HistorySummary(checksums, leftPartial(entries));
	}

	private static Map<String, HistoryEntry> latestApplied(List<HistoryEntry> entries) {
		Map<String, HistoryEntry> latest = new LinkedHashMap<>();
		for (HistoryEntry entry : entries) {
			if (entry.success() && entry.applies()) {
				latest.remove(entry.revision());
				latest.put(entry.revision(), entry);
			}
			else if (entry.success() && entry.operation() == HistoryOperation.DOWNGRADE) {
				latest.remove(entry.revision());
			}
		}
		return Collections.unmodifiableMap(latest);
	}

	/**
	 * The failed rows that left statements applied and that nothing has acknowledged since: a later successful
	 * stamp or repair (the user fixed the database and said so) or a later success of the same revision.
	 */
	private static List<HistoryEntry> leftPartial(List<HistoryEntry> entries) {
		Map<String, HistoryEntry> unresolved = new LinkedHashMap<>();
		for (HistoryEntry entry : entries) {
			if (entry.success() && (entry.operation() == HistoryOperation.STAMP
					|| entry.operation() == HistoryOperation.REPAIR)) {
				unresolved.clear();
			}
			else if (entry.leftPartial()) {
				unresolved.put(entry.revision(), entry);
			}
			else if (entry.success()) {
				unresolved.remove(entry.revision());
			}
		}
		return List.copyOf(unresolved.values());
	}

	private String createTableSql() {
		return this.table.dialect().createHistoryTable(qualifiedName());
	}

	/** The INSERT, with each value rendered by {@code value} and {@code null}s as {@code NULL}. */
	private String insertStatement(HistoryEntry entry, Function<Object, String> value) {
		Function<Object, String> orNull = (object) -> (object != null) ? value.apply(object) : "NULL";
		boolean partial = entry.partialState() != null;
		Dialect dialect = this.table.dialect();
		String message = cut(entry.message());
		List<String> values = List.of(value.apply(entry.revision()), value.apply(joined(entry.fromRevisions())),
				value.apply(joined(entry.toRevisions())), value.apply(entry.operation().value()), value.apply(message),
				orNull.apply(entry.checksum()),
				(entry.installedBy() != null) ? value.apply(entry.installedBy()) : dialect.currentUserExpression(),
				(entry.installedAt() != null) ? value.apply(entry.installedAt())
						: dialect.currentUtcTimestampExpression(),
				orNull.apply(entry.executionMs()), value.apply(entry.success()));
		if (partial) {
			values = new ArrayList<>(values);
			values.add(value.apply(cut(entry.partialState())));
		}
		return "INSERT INTO " + qualifiedName() + " (" + COLUMNS + (partial ? ", " + PARTIAL_STATE : "") + ") VALUES ("
				+ String.join(", ", values) + ")";
	}

	private String literal(Object value) {
		if (value instanceof String text) {
			return this.table.dialect().stringLiteral(text);
		}
		if (value instanceof Instant instant) {
			return "TIMESTAMP '" + TIMESTAMP.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)) + "'";
		}
		if (value instanceof Boolean bool) {
			return bool ? "TRUE" : "FALSE";
		}
		return value.toString();
	}

	private HistoryEntry entry(ResultSet rows, Columns columns) throws SQLException {
		long executionMs = rows.getLong(columns.index("execution_ms"));
		Long knownExecutionMs = rows.wasNull() ? null : executionMs;
		return new HistoryEntry(rows.getString(columns.index("revision")),
				split(rows.getString(columns.index("from_revisions"))),
				split(rows.getString(columns.index("to_revisions"))),
				HistoryOperation.ofValue(rows.getString(columns.index("operation")), qualifiedName()),
				rows.getString(columns.index("message")), rows.getString(columns.index("checksum")),
				rows.getString(columns.index("installed_by")),
				rows.getObject(columns.index("installed_at"), LocalDateTime.class).toInstant(ZoneOffset.UTC),
				knownExecutionMs, rows.getBoolean(columns.index("success")),
				columns.has(PARTIAL_STATE) ? rows.getString(columns.index(PARTIAL_STATE)) : null);
	}

	/** A text column's value cut to the 1000 characters the columns hold. */
	private static String cut(String text) {
		return (text.length() > LONGEST_TEXT) ? text.substring(0, LONGEST_TEXT) : text;
	}

	/** The columns of a result, by lower-case name, whichever case the database reports them in. */
	private record Columns(Map<String, Integer> indexes) {

		static Columns of(ResultSet result) throws SQLException {
			ResultSetMetaData metaData = result.getMetaData();
			Map<String, Integer> indexes = new HashMap<>();
			for (int i = 1; i <= metaData.getColumnCount(); i++) {
				indexes.put(metaData.getColumnLabel(i).toLowerCase(Locale.ROOT), i);
			}
			return new Columns(indexes);
		}

		boolean has(String column) {
			return this.indexes.containsKey(column);
		}

		int index(String column) throws SQLException {
			Integer index = this.indexes.get(column);
			if (index == null) {
				throw new SQLException("Column " + column + " is missing", "42703");
			}
			return index;
		}

	}

	private static String joined(List<String> revisions) {
		return String.join(", ", revisions);
	}

	private static List<String> split(String revisions) {
		return revisions.isBlank() ? List.of() : Arrays.stream(revisions.split(",")).map(String::trim).toList();
	}

}
