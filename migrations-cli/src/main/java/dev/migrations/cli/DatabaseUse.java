package dev.migrations.cli;

/** Whether a command needs the database. */
public enum DatabaseUse {

	/** The command reads or writes the database's position; it fails when no database is configured. */
	REQUIRED,
	/** The command works on the scripts alone. */
	NONE

}
