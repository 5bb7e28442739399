package dev.migrations.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import java.util.Map;
import java.util.function.Function;

import dev.migrations.dialect.Dialect;

/**
 * The history table ({@code migrations_history}): an append-only log of every upgrade, downgrade and stamp
 * step, one {@link HistoryEntry} per row. Its columns: {@code id} (identity, the order of the rows),
 * {@code revision}, {@code from_revisions} and {@code to_revisions} (ids joined with {@code ", "}),
 * {@code operation} ({@code upgrade}, {@code downgrade}, {@code stamp}), {@code message}, {@code checksum},
 * {@code installed_by}, {@code installed_at} (UTC, a timestamp without time zone), {@code execution_ms} and
 * {@code success}. A stamp step writes one row for each revision it writes or removes.
 */
public final class HistoryTable {

	private static final int LONGEST_MESSAGE = 1000;

	/** Seconds and microseconds always written, which every supported database reads in a timestamp literal. */
	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

	private static final String COLUMNS = "revision, from_revisions, to_revisions, operation, message, checksum, "
			+ "installed_by, installed_at, execution_ms, success";

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

	/** Creates the table, and a configured schema, where they are missing. */
	public void createIfMissing(Connection connection) throws SQLException {
		this.table.createIfMissing(connection, createTableSql());
	}

	/** The schema (when configured) and table DDL, each creating only what is missing, for offline SQL. */
	public List<String> createSql() {
		return this.table.createSql(createTableSql());
	}

	/**
	 * Appends a row on the caller's connection and transaction. A {@code null} installed-by is the database's
	 * current user and a {@code null} installed-at the database's clock in UTC. A message longer than the
	 * column's 1000 characters is cut short.
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
				.prepareStatement("SELECT " + COLUMNS + " FROM " + qualifiedName() + " ORDER BY id");
					ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					entries.add(entry(rows));
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
		Map<String, HistoryEntry> latest = new LinkedHashMap<>();
		for (HistoryEntry entry : readAll(connection)) {
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
	 * For each applied revision, the checksum its latest applying row recorded ({@code null} for none): what
	 * {@link #latestApplied} gives, reading only the four columns checksum validation needs.
	 */
	public Map<String, String> appliedChecksums(Connection connection) throws SQLException {
		return this.table.readOrEmpty(connection, (reading) -> {
			Map<String, String> checksums = new HashMap<>();
			try (PreparedStatement statement = reading.prepareStatement("SELECT revision, to_revisions, operation, "
					+ "checksum FROM " + qualifiedName() + " WHERE success ORDER BY id");
					ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					String revision = rows.getString(1);
					String operation = rows.getString(3);
					if (HistoryOperation.UPGRADE.value().equals(operation) || (HistoryOperation.STAMP.value()
						.equals(operation) && split(rows.getString(2)).contains(revision))) {
						checksums.put(revision, rows.getString(4));
					}
					else if (HistoryOperation.DOWNGRADE.value().equals(operation)) {
						checksums.remove(revision);
					}
				}
			}
			return checksums;
		}, Map.of());
	}

	private String createTableSql() {
		return this.table.dialect().createHistoryTable(qualifiedName());
	}

	/** The INSERT, with each value rendered by {@code value} and {@code null}s as {@code NULL}. */
	private String insertStatement(HistoryEntry entry, Function<Object, String> value) {
		Function<Object, String> orNull = (object) -> (object != null) ? value.apply(object) : "NULL";
		Dialect dialect = this.table.dialect();
		String message = (entry.message().length() > LONGEST_MESSAGE) ? entry.message().substring(0, LONGEST_MESSAGE)
				: entry.message();
		List<String> values = List.of(value.apply(entry.revision()), value.apply(joined(entry.fromRevisions())),
				value.apply(joined(entry.toRevisions())), value.apply(entry.operation().value()), value.apply(message),
				orNull.apply(entry.checksum()),
				(entry.installedBy() != null) ? value.apply(entry.installedBy()) : dialect.currentUserExpression(),
				(entry.installedAt() != null) ? value.apply(entry.installedAt())
						: dialect.currentUtcTimestampExpression(),
				orNull.apply(entry.executionMs()), value.apply(entry.success()));
		return "INSERT INTO " + qualifiedName() + " (" + COLUMNS + ") VALUES (" + String.join(", ", values) + ")";
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

	private HistoryEntry entry(ResultSet rows) throws SQLException {
		long executionMs = rows.getLong(9);
		Long knownExecutionMs = rows.wasNull() ? null : executionMs;
		return new HistoryEntry(rows.getString(1), split(rows.getString(2)), split(rows.getString(3)),
				HistoryOperation.ofValue(rows.getString(4), qualifiedName()), rows.getString(5), rows.getString(6),
				rows.getString(7), rows.getObject(8, LocalDateTime.class).toInstant(ZoneOffset.UTC),
				knownExecutionMs, rows.getBoolean(10));
	}

	private static String joined(List<String> revisions) {
		return String.join(", ", revisions);
	}

	private static List<String> split(String revisions) {
		return revisions.isBlank() ? List.of() : Arrays.stream(revisions.split(",")).map(String::trim).toList();
	}

}
