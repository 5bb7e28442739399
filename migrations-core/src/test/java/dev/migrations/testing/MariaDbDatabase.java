package dev.migrations.testing;

/**
 * A MariaDB database of a test's own, created fresh on the server {@link TestServer} finds and dropped on
 * {@link #close()}. Use one per test class, as {@link PostgresDatabase}.
 */
public final class MariaDbDatabase extends ServerDatabase {

	private MariaDbDatabase(String prefix) {
		super(TestServer.Kind.MARIADB, prefix);
	}

	/** Creates an empty database named after {@code prefix} plus a random suffix. */
	public static MariaDbDatabase create(String prefix) {
		return new MariaDbDatabase(prefix);
	}

	@Override
	String dropStatement(String name) {
		return "DROP DATABASE IF EXISTS " + name;
	}

}
