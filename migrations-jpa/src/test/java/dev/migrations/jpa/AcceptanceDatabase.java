package dev.migrations.jpa;

import javax.sql.DataSource;

import dev.migrations.DriverManagerDataSource;
import dev.migrations.testing.H2Database;
import dev.migrations.testing.MariaDbDatabase;
import dev.migrations.testing.PostgresDatabase;
import dev.migrations.testing.ServerDatabase;

/** A fresh, empty database of one kind for one acceptance case, dropped on close. */
final class AcceptanceDatabase implements AutoCloseable {

	private static final String PREFIX = "jpa_acceptance";

	enum Kind {

		POSTGRESQL, H2, H2_POSTGRESQL_MODE, MARIADB

	}

	private final String url;

	private final String user;

	private final String password;

	private final AutoCloseable owner;

	private AcceptanceDatabase(String url, String user, String password, AutoCloseable owner) {
		this.url = url;
		this.user = user;
		this.password = password;
		this.owner = owner;
	}

	static AcceptanceDatabase create(Kind kind) {
		return switch (kind) {
			case POSTGRESQL -> server(PostgresDatabase.create(PREFIX));
			case MARIADB -> server(MariaDbDatabase.create(PREFIX));
			case H2 -> h2(H2Database.Mode.DEFAULT);
			case H2_POSTGRESQL_MODE -> h2(H2Database.Mode.POSTGRESQL);
		};
	}

	private static AcceptanceDatabase h2(H2Database.Mode mode) {
		H2Database h2 = H2Database.create(PREFIX, mode);
		return new AcceptanceDatabase(h2.jdbcUrl(), "sa", "", h2);
	}

	private static AcceptanceDatabase server(ServerDatabase database) {
		return new AcceptanceDatabase(database.jdbcUrl(), database.user(), database.password(), database);
	}

	String jdbcUrl() {
		return this.url;
	}

	String user() {
		return this.user;
	}

	String password() {
		return this.password;
	}

	DataSource dataSource() {
		return new DriverManagerDataSource(this.url, this.user, this.password);
	}

	@Override
	public void close() throws Exception {
		this.owner.close();
	}

}
