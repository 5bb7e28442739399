package dev.migrations.test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

import javax.sql.DataSource;

import dev.migrations.DriverManagerDataSource;
import dev.migrations.Migrations;
import dev.migrations.config.MigrationsConfig;
import dev.migrations.script.RevisionScript;

/**
 * A PostgreSQL database per test on the server the contract's rules find (see {@link TestDatabases#postgres()}),
 * dropped on close. With the template cache on (the default), a database at head is a copy of a template database
 * named after the scripts' checksums, {@code mig_tpl_<hash>}: the scripts run once per set of scripts and server,
 * and every later test, in this run or the next, copies the result. An edited, added or removed script makes a new
 * hash, so a stale template is never used; Java migrations have no checksum, so with them the scripts always run.
 */
public final class PostgresDatabases implements FreshDatabases {

	private static final String DUPLICATE_DATABASE = "42P04";

	private final boolean templateCache;

	PostgresDatabases(boolean templateCache) {
		this.templateCache = templateCache;
	}

	/** The same databases with the template cache on or off (off: every database at head runs the scripts). */
	public PostgresDatabases templateCache(boolean enabled) {
		return new PostgresDatabases(enabled);
	}

	@Override
	public TestDatabase create(String purpose) {
		PostgresServer server = PostgresServer.get();
		String name = DatabaseNames.unique(purpose);
		server.execute("CREATE DATABASE " + name);
		return new PostgresDatabase(server, name);
	}

	@Override
	public TestDatabase createAtHeads(String purpose, MigrationsConfig config) {
		String key = this.templateCache ? templateKey(config) : null;
		if (key == null) {
			return FreshDatabases.super.createAtHeads(purpose, config);
		}
		PostgresServer server = PostgresServer.get();
		String template = "mig_tpl_" + key;
		if (!exists(server, template)) {
			build(server, template, config);
		}
		String name = DatabaseNames.unique(purpose);
		server.execute("CREATE DATABASE " + name + " TEMPLATE " + template);
		return new PostgresDatabase(server, name);
	}

	/**
	 * Builds the template under a name of its own and renames it into place, so that a test never copies a half-built
	 * template and two test JVMs building the same one at once both end up using one of them.
	 */
	private void build(PostgresServer server, String template, MigrationsConfig config) {
		TestDatabase building = FreshDatabases.super.createAtHeads("tpl_building", config);
		String name = ((PostgresDatabase) building).name;
		try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
			statement.execute("ALTER DATABASE " + name + " RENAME TO " + template);
		}
		catch (SQLException ex) {
			building.close();
			if (!DUPLICATE_DATABASE.equals(ex.getSQLState())) {
				throw new IllegalStateException("Could not keep template database " + template + " on PostgreSQL at "
						+ server.address() + ": " + ex.getMessage(), ex);
			}
		}
	}

	private static boolean exists(PostgresServer server, String database) {
		try (Connection connection = server.connect();
				PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			statement.setString(1, database);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next();
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not look for template database " + database + " on PostgreSQL at "
					+ server.address() + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The hash of what makes the database at head: each script's id and checksum in load order, and the engine's
	 * tables; {@code null} when a revision has no checksum (a Java migration).
	 */
	static String templateKey(MigrationsConfig config) {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
		for (RevisionScript script : new Migrations(config, null).scripts().scripts()) {
			if (script.checksum() == null) {
				return null;
			}
			digest.update((script.id() + '\n' + script.checksum() + '\n').getBytes(StandardCharsets.UTF_8));
		}
		digest.update((config.schema() + '\n' + config.versionTable() + '\n' + config.historyTable())
			.getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(digest.digest()).substring(0, 24);
	}

	/** One database on the server, dropped with the sessions still on it. */
	private static final class PostgresDatabase implements TestDatabase {

		private final PostgresServer server;

		private final String name;

		private final DataSource dataSource;

		PostgresDatabase(PostgresServer server, String name) {
			this.server = server;
			this.name = name;
			this.dataSource = new DriverManagerDataSource(server.urlOf(name), server.user(), server.password());
		}

		@Override
		public DataSource dataSource() {
			return this.dataSource;
		}

		@Override
		public String description() {
			return "database " + this.name + " on " + this.server.address();
		}

		@Override
		public void close() {
			this.server.execute("DROP DATABASE IF EXISTS " + this.name + " WITH (FORCE)");
		}

	}

}
