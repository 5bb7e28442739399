package dev.migrations.test;

import javax.sql.DataSource;

/** One empty database (or schema) of a test's own, removed again on {@link #close()}. */
public interface TestDatabase extends AutoCloseable {

	/** Connections to this database only; with a schema of its own, each connection starts in that schema. */
	DataSource dataSource();

	/** What failure messages call it, such as {@code database mig_stairway_3fa1 on 127.0.0.1:5432}. */
	String description();

	/** Drops the database or schema. */
	@Override
	void close();

}
