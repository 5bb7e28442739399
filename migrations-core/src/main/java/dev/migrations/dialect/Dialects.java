package dev.migrations.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;

/** Picks the {@link Dialect} for a connection, a JDBC URL (for offline SQL) or a name. */
public final class Dialects {

	private static final String SUPPORTED = "Use one of the supported databases: PostgreSQL, H2, MariaDB/MySQL";

	private Dialects() {
	}

	/** The dialect of the database behind the connection, from its product name. */
	public static Dialect detect(Connection connection) throws SQLException {
		return forProductName(connection.getMetaData().getDatabaseProductName());
	}

	static Dialect forProductName(String productName) {
		return switch (productName) {
			case "PostgreSQL" -> new PostgresDialect();
			case "H2" -> new H2Dialect();
			case "MariaDB", "MySQL" -> new MariaDbDialect();
			default -> throw new MigrationsException(ErrorKind.CONFIG, "Unsupported database '" + productName + "'",
					SUPPORTED);
		};
	}

	/**
	 * The dialect for a JDBC URL, without connecting: {@code jdbc:postgresql:}, {@code jdbc:h2:},
	 * {@code jdbc:mariadb:} or {@code jdbc:mysql:}.
	 */
	public static Dialect forJdbcUrl(String url) {
		String lowerCase = url.toLowerCase(Locale.ROOT);
		if (lowerCase.startsWith("jdbc:postgresql:")) {
			return new PostgresDialect();
		}
		if (lowerCase.startsWith("jdbc:h2:")) {
			return new H2Dialect();
		}
		if (lowerCase.startsWith("jdbc:mariadb:") || lowerCase.startsWith("jdbc:mysql:")) {
			return new MariaDbDialect();
		}
		// Only the scheme: the rest of a URL may hold a password.
		String scheme = url.matches("(?i)jdbc:[a-z0-9]+:.*") ? url.substring(0, url.indexOf(':', 5) + 1) : "";
		throw new MigrationsException(ErrorKind.CONFIG,
				scheme.isEmpty() ? "Not a JDBC URL: the URL does not start with 'jdbc:<database>:'"
						: "Unsupported database in JDBC URL '" + scheme + "...'",
				SUPPORTED + " (jdbc:postgresql:, jdbc:h2:, jdbc:mariadb:, jdbc:mysql:)");
	}

	/** The dialect of one of the names {@link Dialect#name()} returns: {@code postgresql}, {@code h2}, {@code mariadb}. */
	public static Dialect named(String name) {
		return switch (name.toLowerCase(Locale.ROOT)) {
			case "postgresql" -> new PostgresDialect();
			case "h2" -> new H2Dialect();
			case "mariadb" -> new MariaDbDialect();
			default -> throw new MigrationsException(ErrorKind.CONFIG, "Unknown dialect '" + name + "'",
					"Name one of: postgresql, h2, mariadb");
		};
	}

}
