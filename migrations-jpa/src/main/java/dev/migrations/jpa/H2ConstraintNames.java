package dev.migrations.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Names for the constraints H2 named itself in the scratch database. Hibernate writes unique and check constraints
 * inline without a name (a {@code unique} column, an enum's or a discriminator's check), and H2 names them
 * {@code CONSTRAINT_xx}, numbered per database: written into a revision, such a name collides with one of the
 * target's own, and differs from the name the target gives the same constraint. Renamed as PostgreSQL names them
 * ({@code item_note_key}, and {@code item_check_<hash of the condition>} where the columns are not known), they are
 * written into the revision as they are, and read back from the target equal.
 */
final class H2ConstraintNames {

	private static final String INVENTED = """
			SELECT tc.TABLE_NAME, tc.CONSTRAINT_NAME, tc.CONSTRAINT_TYPE, cc.CHECK_CLAUSE
			FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc
			LEFT JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc
			  ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
			WHERE tc.CONSTRAINT_SCHEMA = CURRENT_SCHEMA AND tc.CONSTRAINT_TYPE IN ('UNIQUE', 'CHECK')
			  AND REGEXP_LIKE(tc.CONSTRAINT_NAME, '^CONSTRAINT_[0-9A-F]+$', 'i')
			ORDER BY tc.TABLE_NAME, tc.CONSTRAINT_NAME""";

	private static final String KEY_COLUMNS = """
			SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE
			WHERE CONSTRAINT_SCHEMA = CURRENT_SCHEMA AND CONSTRAINT_NAME = ? ORDER BY ORDINAL_POSITION""";

	private H2ConstraintNames() {
	}

	/** Renames each unique and check constraint of the connection's schema that H2 named. */
	static void nameInvented(Connection connection) throws SQLException {
		List<String> renames = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(INVENTED)) {
			while (rows.next()) {
				String table = rows.getString(1);
				String name = rows.getString(2);
				String chosen = "UNIQUE".equals(rows.getString(3))
						? table + "_" + String.join("_", keyColumns(connection, name)) + "_key"
						: table + "_check_" + HexFormat.of().toHexDigits(rows.getString(4).hashCode());
				renames.add("ALTER TABLE " + quote(table) + " RENAME CONSTRAINT " + quote(name) + " TO "
						+ quote(inCaseOf(table, chosen)));
			}
		}
		try (Statement statement = connection.createStatement()) {
			for (String rename : renames) {
				statement.execute(rename);
			}
		}
	}

	private static List<String> keyColumns(Connection connection, String constraint) throws SQLException {
		List<String> columns = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(KEY_COLUMNS)) {
			statement.setString(1, constraint);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					columns.add(rows.getString(1));
				}
			}
		}
		return columns;
	}

	/** Upper case beside an upper-case table name (H2's default folding), else lower case. */
	private static String inCaseOf(String table, String name) {
		return table.equals(table.toUpperCase(Locale.ROOT)) ? name.toUpperCase(Locale.ROOT)
				: name.toLowerCase(Locale.ROOT);
	}

	private static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

}
