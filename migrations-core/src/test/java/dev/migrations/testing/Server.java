package dev.migrations.testing;

import java.util.Locale;

/**
 * The database servers tests run the same case on, for a test parameterized over them
 * ({@code @EnumSource(Server.class)}): a fresh database on each, and the SQL that differs between them.
 */
public enum Server {

	POSTGRESQL, MARIADB;

	/** A fresh database of the test's own on this server, named after {@code prefix}. */
	public ServerDatabase create(String prefix) {
		return (this == POSTGRESQL) ? PostgresDatabase.create(prefix) : MariaDbDatabase.create(prefix);
	}

	/** A statement that sleeps {@code seconds}, as a revision does to widen a race. */
	public String sleep(double seconds) {
		String value = String.format(Locale.ROOT, "%.3f", seconds);
		return (this == POSTGRESQL) ? "SELECT pg_sleep(" + value + ");" : "SELECT SLEEP(" + value + ");";
	}

}
