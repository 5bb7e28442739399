package dev.migrations.benchmarks.harness;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL server the benchmarks run on: {@code 127.0.0.1:5432} as user {@code postgres} unless the system
 * properties {@code bench.postgres.url}, {@code bench.postgres.user} and {@code bench.postgres.password} say
 * otherwise. Every case gets a database of its own, created and dropped here.
 */
public final class Postgres {

	private static final String ADMIN_URL = System.getProperty("bench.postgres.url",
			"jdbc:postgresql://127.0.0.1:5432/postgres");

	private static final String USER = System.getProperty("bench.postgres.user", "postgres");

	private static final String PASSWORD = System.getProperty("bench.postgres.password", "");

	private Postgres() {
	}

	/** Creates an empty database, dropping a leftover of the same name first. */
	public static Database create(String name) throws SQLException {
		drop(name);
		admin("CREATE DATABASE " + name);
		return new Database(name, url(name));
	}

	public static void drop(String name) throws SQLException {
		admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
	}

	/** The JDBC URL of the database of that name on the same server. */
	public static String url(String name) {
		return ADMIN_URL.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
	}

	public static String user() {
		return USER;
	}

	public static String password() {
		return PASSWORD;
	}

	/** An unpooled DataSource on the database at {@code url}, as every contender gets. */
	public static DataSource dataSource(String url) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(url);
		dataSource.setUser(USER);
		dataSource.setPassword(PASSWORD);
		return dataSource;
	}

	/** The server's version string. */
	public static String version() throws SQLException {
		try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SHOW server_version")) {
			rows.next();
			return rows.getString(1);
		}
	}

	/**
	 * A database of the server.
	 *
	 * @param name its name
	 * @param url its JDBC URL
	 */
	public record Database(String name, String url) {

		/** A new unpooled DataSource on it. */
		public DataSource dataSource() {
			return Postgres.dataSource(this.url);
		}

		public void drop() throws SQLException {
			Postgres.drop(this.name);
		}

	}

	private static void admin(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
