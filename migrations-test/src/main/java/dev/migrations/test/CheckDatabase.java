package dev.migrations.test;

import javax.sql.DataSource;

/** The test database of one check: created when a step first needs it, dropped when the check ends. */
final class CheckDatabase implements AutoCloseable {

	private final FreshDatabases databases;

	private final String purpose;

	private TestDatabase database;

	CheckDatabase(FreshDatabases databases, String purpose) {
		this.databases = databases;
		this.purpose = purpose;
	}

	DataSource dataSource() {
		if (this.database == null) {
			this.database = this.databases.create(this.purpose);
		}
		return this.database.dataSource();
	}

	@Override
	public void close() {
		if (this.database != null) {
			this.database.close();
			this.database = null;
		}
	}

}
