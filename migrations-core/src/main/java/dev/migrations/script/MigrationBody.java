package dev.migrations.script;

/** What one direction of a revision runs: a section of SQL text, or a Java migration's method. */
public sealed interface MigrationBody permits MigrationBody.Sql, MigrationBody.Java {

	/**
	 * A section of a {@code .sql} script.
	 *
	 * @param sql the section text (after its {@code -- migrate:} marker line)
	 * @param firstLine the 1-based file line on which the section text starts
	 */
	record Sql(String sql, int firstLine) implements MigrationBody {
	}

	/**
	 * One direction of a Java migration.
	 *
	 * @param migration the migration instance
	 * @param upgrade {@code true} for {@link JavaMigration#upgrade}, {@code false} for {@link JavaMigration#downgrade}
	 */
	record Java(JavaMigration migration, boolean upgrade) implements MigrationBody {
	}

}
