package dev.migrations.test;

import javax.sql.DataSource;

/**
 * Empty databases for tests, one per check (or per test of your own):
 * <ul>
 * <li>{@link #postgres()}: a database per test on the PostgreSQL server found as the project's own tests find it;
 * <li>{@link #h2()} and {@link #h2PostgresMode()}: an in-memory H2 database per test;
 * <li>{@link #schemasIn(DataSource)}: a schema per test inside a database you have (PostgreSQL or H2).
 * </ul>
 */
public final class TestDatabases {

	private TestDatabases() {
	}

	/**
	 * A PostgreSQL database per test, on the server given by {@code MIGRATIONS_TEST_POSTGRES_URL} (with
	 * {@code MIGRATIONS_TEST_POSTGRES_USER} and {@code MIGRATIONS_TEST_POSTGRES_PASSWORD}); else a Testcontainers
	 * container where Docker runs and Testcontainers' PostgreSQL module is on the test class path; else
	 * {@code 127.0.0.1:5432} as {@code postgres}. The user must be allowed to create databases.
	 */
	public static PostgresDatabases postgres() {
		return new PostgresDatabases(true);
	}

	/** An in-memory H2 database per test, in H2's own mode. */
	public static FreshDatabases h2() {
		return new H2Databases("");
	}

	/** An in-memory H2 database per test in PostgreSQL compatibility mode. */
	public static FreshDatabases h2PostgresMode() {
		return new H2Databases(";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
	}

	/**
	 * A schema per test inside the given database (PostgreSQL or H2); connections start in it and go back to their
	 * schema when closed. Scripts must not name a schema of their own.
	 */
	public static FreshDatabases schemasIn(DataSource dataSource) {
		return new SchemaDatabases(dataSource);
	}

}
