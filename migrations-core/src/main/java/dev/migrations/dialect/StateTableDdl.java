package dev.migrations.dialect;

/**
 * The DDL of the engine's two tables, with the column types that differ between databases filled in.
 * The columns are read and written by {@code VersionTable} and {@code HistoryTable}.
 */
final class StateTableDdl {

	private StateTableDdl() {
	}

	static String versionTable(String qualifiedName) {
		return "CREATE TABLE IF NOT EXISTS " + qualifiedName + " (version_num varchar(64) NOT NULL PRIMARY KEY)";
	}

	/**
	 * @param identityColumn the type and key of the surrogate {@code id}, which orders the rows
	 * @param timestampType a timestamp type without time zone (values are UTC)
	 */
	static String historyTable(String qualifiedName, String identityColumn, String timestampType) {
		return """
				CREATE TABLE IF NOT EXISTS %s (
					id %s,
					revision varchar(64) NOT NULL,
					from_revisions varchar(1000) NOT NULL,
					to_revisions varchar(1000) NOT NULL,
					operation varchar(16) NOT NULL,
					message varchar(1000) NOT NULL,
					checksum varchar(64),
					installed_by varchar(128) NOT NULL,
					installed_at %s NOT NULL,
					execution_ms bigint,
					success boolean NOT NULL,
					partial_state varchar(1000)
				)""".formatted(qualifiedName, identityColumn, timestampType);
	}

	/** The {@code partial_state} column, for a history table created before it existed. */
	static String addPartialStateColumn(String qualifiedName) {
		return "ALTER TABLE " + qualifiedName + " ADD COLUMN partial_state varchar(1000)";
	}

}
