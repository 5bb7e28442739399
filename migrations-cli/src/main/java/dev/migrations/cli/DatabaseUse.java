package dev.migrations.cli;

/** Whether a command needs the database. */
public enum DatabaseUse {

	/** The command reads or writes the database's position; it fails when no database is configured. */
	REQUIRED,
	/** The command uses the database when one is configured (offline SQL starting from its position). */
	IF_CONFIGURED,
	/** The command works on the scripts alone. */
	NONE

}
