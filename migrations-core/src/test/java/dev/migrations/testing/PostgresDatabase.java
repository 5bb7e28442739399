package dev.migrations.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import dev.migrations.DriverManagerDataSource;

/**
 * A PostgreSQL database of a test's own, created fresh on the server {@link PostgresServer} finds and dropped
 * on {@link #close()}. Use one per test class:
 *
 * <pre>{@code
 * static PostgresDatabase db;
 * @BeforeAll static void create() { db = PostgresDatabase.create("graph_it"); }
 * @AfterAll static void drop() { db.close(); }
 * }</pre>
 */
public final class PostgresDatabase implements AutoCloseable {

	private final PostgresServer server;

	private final String name;

	private final String url;

	private PostgresDatabase(PostgresServer server, String name) {
		this.server = server;
		this.name = name;
		this.url = server.adminUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
	}

	/** Creates an empty database named after {@code prefix} plus a random suffix. */
	public static PostgresDatabase create(String prefix) {
		PostgresServer server = PostgresServer.get();
		String name = ("mig_" + prefix + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong()))
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9_]", "_");
		if (name.length() > 60) {
			name = name.substring(0, 60);
		}
		server.execute("CREATE DATABASE " + name);
		return new PostgresDatabase(server, name);
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

	@Override
	public void close() {
		this.server.execute("DROP DATABASE IF EXISTS " + this.name + " WITH (FORCE)");
	}

}
