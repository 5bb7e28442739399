package dev.migrations.script;

import java.sql.Connection;

/**
 * A revision written in Java, annotated with {@link MigrationRevision} for its header fields. Under Spring every bean
 * of this type is picked up. A migration that does not override {@link #downgrade} is irreversible, like a
 * script without a {@code -- migrate:downgrade} section.
 */
public interface JavaMigration {

	/** Applies this revision on the given connection; the engine owns the transaction. */
	void upgrade(Connection connection) throws Exception;

	/** Reverts this revision. Override it to make the migration reversible. */
	default void downgrade(Connection connection) throws Exception {
		throw new UnsupportedOperationException(getClass().getName() + " does not override downgrade");
	}

}
