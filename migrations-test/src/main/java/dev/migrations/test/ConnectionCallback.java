package dev.migrations.test;

import java.sql.Connection;

/**
 * Work on a test database's connection: seeding rows at a revision, or asserting on them (AssertJ, JUnit or plain
 * JDBC). An {@link AssertionError} it throws fails the check with the revision named.
 */
@FunctionalInterface
public interface ConnectionCallback {

	void accept(Connection connection) throws Exception;

}
