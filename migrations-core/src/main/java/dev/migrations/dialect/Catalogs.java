package dev.migrations.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/** Catalog look-ups that several dialects share. */
final class Catalogs {

	private Catalogs() {
	}

	/** Whether the query, run with the given parameters, returns a row. */
	static boolean anyRow(Connection connection, String sql, String... parameters) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setString(i + 1, parameters[i]);
			}
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next();
			}
		}
	}

	/**
	 * The name under which the database stores an identifier: as written when the dialect quotes it, else
	 * folded the way the connection folds unquoted identifiers (H2 folds to upper case by default, to lower
	 * case with {@code DATABASE_TO_LOWER}).
	 */
	static String storedName(Connection connection, Dialect dialect, String identifier) throws SQLException {
		if (!dialect.quote(identifier).equals(identifier)) {
			return identifier;
		}
		if (connection.getMetaData().storesUpperCaseIdentifiers()) {
			return identifier.toUpperCase(Locale.ROOT);
		}
		if (connection.getMetaData().storesLowerCaseIdentifiers()) {
			return identifier.toLowerCase(Locale.ROOT);
		}
		return identifier;
	}

}
