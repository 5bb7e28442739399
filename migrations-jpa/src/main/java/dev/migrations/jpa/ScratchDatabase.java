package dev.migrations.jpa;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.migrations.DriverManagerDataSource;
import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;

/**
 * An empty place of the same kind as the target database, asked what the database decides about the entities' schema
 * ({@link ScratchProbe}) and where the tables whose text it rewrites are created whole: an H2 in-memory database with
 * the target's compatibility settings, a new schema on PostgreSQL, a new database on MariaDB. Closing it drops it.
 */
public final class ScratchDatabase implements AutoCloseable {

	/** The H2 settings that change how DDL is read and stored; the others (files, servers) do not apply in memory. */
	private static final Set<String> H2_SCHEMA_SETTINGS = Set.of("MODE", "DATABASE_TO_LOWER", "DATABASE_TO_UPPER",
			"CASE_INSENSITIVE_IDENTIFIERS", "NON_KEYWORDS", "DEFAULT_NULL_ORDERING");

	private static final Pattern MARIADB_URL = Pattern.compile("(jdbc:(?:mariadb|mysql)://[^/?]*/)([^?;]*)(.*)",
			Pattern.CASE_INSENSITIVE);

	private final String kind;

	private final String name;

	private final DataSource dataSource;

	private final DataSource target;

	private ScratchDatabase(String kind, String name, DataSource dataSource, DataSource target) {
		this.kind = kind;
		this.name = name;
		this.dataSource = dataSource;
		this.target = target;
	}

	/**
	 * Creates an empty scratch place beside the target.
	 * @param url the target's JDBC URL
	 * @param user the user, or {@code null}
	 * @param password the password, or {@code null}
	 */
	public static ScratchDatabase create(String url, String user, String password) {
		String name = "migrations_autogen_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
		String lower = url.toLowerCase(Locale.ROOT);
		DataSource target = new DriverManagerDataSource(url, user, password);
		if (lower.startsWith("jdbc:h2:")) {
			String settings = Arrays.stream(url.split(";"))
				.skip(1)
				.filter((setting) -> H2_SCHEMA_SETTINGS.contains(setting.split("=")[0].trim().toUpperCase(Locale.ROOT)))
				.map((setting) -> ";" + setting)
				.collect(Collectors.joining());
			String scratchUrl = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" + settings;
			return new ScratchDatabase("h2", null, new DriverManagerDataSource(scratchUrl, user, password), null);
		}
		if (lower.startsWith("jdbc:postgresql:")) {
			execute(target, "CREATE SCHEMA " + name);
			String scratchUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name;
			return new ScratchDatabase("postgresql", name, new DriverManagerDataSource(scratchUrl, user, password),
					target);
		}
		Matcher mariaDb = MARIADB_URL.matcher(url);
		if (mariaDb.matches()) {
			execute(target, "CREATE DATABASE " + name);
			String scratchUrl = mariaDb.group(1) + name + mariaDb.group(3);
			return new ScratchDatabase("mariadb", name, new DriverManagerDataSource(scratchUrl, user, password),
					target);
		}
		throw new MigrationsException(ErrorKind.CONFIG, "Autogenerate does not support the database of " + url,
				"Use PostgreSQL, MariaDB or H2");
	}

	/** Connections to the scratch place, in its schema. */
	public DataSource dataSource() {
		return this.dataSource;
	}

	/** The schema to read back, or {@code null} for the connection's own (H2's in-memory database). */
	public String schema() {
		return this.name;
	}

	@Override
	public void close() {
		switch (this.kind) {
			case "h2" -> execute(this.dataSource, "SHUTDOWN");
			case "postgresql" -> execute(this.target, "DROP SCHEMA " + this.name + " CASCADE");
			default -> execute(this.target, "DROP DATABASE " + this.name);
		}
	}

	private static void execute(DataSource dataSource, String sql) {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new MigrationsException(ErrorKind.STATE,
					"Can't prepare the scratch schema for the entities (" + sql + "): " + ex.getMessage(),
					"The database user must be allowed to create and drop a schema (PostgreSQL) or a database (MariaDB)",
					ex);
		}
	}

}
