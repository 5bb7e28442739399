package dev.migrations.boot.autoconfigure;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/** Reads a database's version table, to see what a start-up did to it. */
final class VersionTable {

	private VersionTable() {
	}

	/** The version rows, sorted. */
	static List<String> rows(DataSource dataSource) {
		return rows(dataSource, "migrations_version");
	}

	static List<String> rows(DataSource dataSource, String table) {
		return new JdbcTemplate(dataSource).queryForList("SELECT version_num FROM " + table + " ORDER BY version_num",
				String.class);
	}

	/** Whether any table of that name (in any case) exists: false until something migrated the database. */
	static boolean exists(DataSource dataSource, String table) {
		try (Connection connection = dataSource.getConnection();
				ResultSet tables = connection.getMetaData().getTables(null, null, null, new String[] { "TABLE" })) {
			while (tables.next()) {
				if (tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT).equals(table)) {
					return true;
				}
			}
			return false;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
