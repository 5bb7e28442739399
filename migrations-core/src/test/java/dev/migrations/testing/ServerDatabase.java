package dev.migrations.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import dev.migrations.DriverManagerDataSource;

/**
 * A database of a test's own on the server {@link TestServer} finds, created fresh and dropped on {@link #close()}.
 * Use one per test class.
 */
public abstract sealed class ServerDatabase implements AutoCloseable permits PostgresDatabase, MariaDbDatabase {

	private final TestServer server;

	private final String name;

	private final String url;

	ServerDatabase(TestServer.Kind kind, String prefix) {
		this.server = TestServer.get(kind);
		this.name = uniqueName(prefix);
		this.server.execute("CREATE DATABASE " + this.name);
		this.url = this.server.urlOf(this.name);
	}

	private static String uniqueName(String prefix) {
		String name = ("mig_" + prefix + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong()))
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9_]", "_");
		return (name.length() > 60) ? name.substring(0, 60) : name;
	}

	public String name() {
		return this.name;
	}

	public String jdbcUrl() {
		return this.url;
	}

	public String user() {
		return this.server.user;
	}

	public String password() {
		return this.server.password;
	}

	/** A new unpooled DataSource on this database. */
	public DataSource dataSource() {
		return new DriverManagerDataSource(this.url, this.server.user, this.server.password);
	}

	public Connection connect() throws SQLException {
		return DriverManager.getConnection(this.url, this.server.user, this.server.password);
	}

	/** Runs {@code sql} on the server's administration database, as for creating databases or schemas. */
	public void executeOnServer(String sql) {
		this.server.execute(sql);
	}

	/** The statement that drops this database, sessions still on it included where the server allows. */
	abstract String dropStatement(String name);

	@Override
	public void close() {
		this.server.execute(dropStatement(this.name));
	}

}
