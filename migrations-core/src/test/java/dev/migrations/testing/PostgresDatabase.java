package dev.migrations.testing;

/**
 * A PostgreSQL database of a test's own, created fresh on the server {@link TestServer} finds and dropped
 * on {@link #close()}. Use one per test class:
 *
 * <pre>{@code
 * static PostgresDatabase db;
 * @BeforeAll static void create() { db = PostgresDatabase.create("graph_it"); }
 * @AfterAll static void drop() { db.close(); }
 * }</pre>
 */
public final class PostgresDatabase extends ServerDatabase {

	private PostgresDatabase(String prefix) {
		super(TestServer.Kind.POSTGRESQL, prefix);
	}

	/** Creates an empty database named after {@code prefix} plus a random suffix. */
	public static PostgresDatabase create(String prefix) {
		return new PostgresDatabase(prefix);
	}

	@Override
	String dropStatement(String name) {
		return "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)";
	}

}
