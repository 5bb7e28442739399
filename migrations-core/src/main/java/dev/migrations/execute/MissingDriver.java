package dev.migrations.execute;

import java.util.Locale;
import java.util.Map;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;

/**
 * A JDBC URL that no driver on the class path accepts. The driver's "No suitable driver" carries the SQLSTATE of a
 * connection failure (08001), so without this the user is told to check that a database which runs fine is
 * running; this names the URL's scheme and the driver to add instead.
 */
public final class MissingDriver {

	/** The drivers of the databases the engine supports, by URL scheme, as Maven coordinates. */
	private static final Map<String, String> DRIVERS = Map.of("postgresql", "org.postgresql:postgresql", "h2",
			"com.h2database:h2", "mariadb", "org.mariadb.jdbc:mariadb-java-client", "mysql",
			"com.mysql:mysql-connector-j (or write the URL as jdbc:mariadb:)");

	private MissingDriver() {
	}

	/** The one-line error for {@code url}, which names its scheme only: the rest of a URL may hold a password. */
	public static MigrationsException forUrl(String url) {
		String scheme = scheme(url);
		if (scheme.isEmpty()) {
			return new MigrationsException(ErrorKind.CONFIG,
					"Not a JDBC URL: the URL does not start with 'jdbc:<database>:'",
					"Give a URL such as jdbc:postgresql://host:5432/db, jdbc:mariadb://host:3306/db or jdbc:h2:file:./db");
		}
		String driver = DRIVERS.get(scheme.toLowerCase(Locale.ROOT));
		return new MigrationsException(ErrorKind.CONFIG,
				"No JDBC driver on the class path accepts 'jdbc:" + scheme + ":' URLs",
				(driver != null) ? "Add the driver " + driver + " to the class path"
						: "Add the JDBC driver for '" + scheme + "' to the class path, or fix the URL;"
								+ " migrations supports PostgreSQL, H2 and MariaDB/MySQL");
	}

	private static String scheme(String url) {
		return url.matches("(?i)jdbc:[a-z0-9]+:.*") ? url.substring(5, url.indexOf(':', 5)) : "";
	}

}
