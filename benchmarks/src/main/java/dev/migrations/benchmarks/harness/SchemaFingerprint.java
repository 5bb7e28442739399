package dev.migrations.benchmarks.harness;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What the workload's statements leave in a database, summed up: tables, columns, indexes, table comments and
 * rows of the {@code public} schema, leaving out each tool's own bookkeeping tables. Equal fingerprints across
 * contenders show that each really ran every statement.
 */
public final class SchemaFingerprint {

	private static final String TOOL_TABLES = "('floor_version', 'flyway_schema_history', 'databasechangelog', "
			+ "'databasechangeloglock', 'migrations_version', 'migrations_history')";

	private SchemaFingerprint() {
	}

	public static String of(String url) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, Postgres.user(), Postgres.password());
				Statement statement = connection.createStatement()) {
			List<String> tables = new ArrayList<>();
			try (ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables "
					+ "WHERE table_schema = 'public' AND table_name NOT IN " + TOOL_TABLES + " ORDER BY 1")) {
				while (rows.next()) {
					tables.add(rows.getString(1));
				}
			}
			long rowCount = 0;
			for (String table : tables) {
				rowCount += count(statement, "SELECT count(*) FROM " + table);
			}
			long columns = count(statement, "SELECT count(*) FROM information_schema.columns "
					+ "WHERE table_schema = 'public' AND table_name NOT IN " + TOOL_TABLES);
			long indexes = count(statement, "SELECT count(*) FROM pg_indexes "
					+ "WHERE schemaname = 'public' AND tablename NOT IN " + TOOL_TABLES);
			long comments = count(statement, "SELECT count(*) FROM pg_description d JOIN pg_class c ON c.oid = d.objoid "
					+ "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND d.objsubid = 0");
			return "tables=" + tables.size() + " columns=" + columns + " indexes=" + indexes + " comments="
					+ comments + " rows=" + rowCount;
		}
	}

	private static long count(Statement statement, String sql) throws SQLException {
		try (ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
