package dev.migrations.benchmarks.contender;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import dev.migrations.benchmarks.workload.Workload;

/**
 * The least work any migration tool must do, in plain JDBC: read and hash every script, read the applied
 * versions and their checksums, compare them, then run each pending script's statements on one connection, in one
 * transaction per script together with one version insert. It reads the Flyway files, which hold one statement per
 * line, so it needs no parser.
 */
final class JdbcFloor implements Contender {

	static final String NAME = "JDBC floor";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public void upgrade(Workload workload, DataSource dataSource) throws Exception {
		List<Script> scripts = read(workload.flywayScripts());
		try (Connection connection = dataSource.getConnection()) {
			List<Script> pending = validate(connection, scripts);
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement();
					PreparedStatement insert = connection
						.prepareStatement("INSERT INTO floor_version (version, checksum) VALUES (?, ?)")) {
				for (Script script : pending) {
					for (String sql : script.text().split(";\n")) {
						if (!sql.isBlank()) {
							statement.execute(sql);
						}
					}
					insert.setInt(1, script.version());
					insert.setString(2, script.checksum());
					insert.executeUpdate();
					connection.commit();
				}
			}
		}
	}

	@Override
	public void check(Workload workload, DataSource dataSource) throws Exception {
		List<Script> scripts = read(workload.flywayScripts());
		try (Connection connection = dataSource.getConnection()) {
			List<Script> pending = validate(connection, scripts);
			if (!pending.isEmpty()) {
				throw new IllegalStateException(pending.size() + " scripts are pending");
			}
		}
	}

	/** Fails on an applied script that changed or disappeared; returns the scripts still to run. */
	private static List<Script> validate(Connection connection, List<Script> scripts) throws SQLException {
		Map<Integer, String> applied = new HashMap<>();
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE IF NOT EXISTS floor_version (version integer PRIMARY KEY, "
					+ "checksum char(64) NOT NULL)");
			try (ResultSet rows = statement.executeQuery("SELECT version, checksum FROM floor_version")) {
				while (rows.next()) {
					applied.put(rows.getInt(1), rows.getString(2));
				}
			}
		}
		List<Script> pending = new ArrayList<>();
		for (Script script : scripts) {
			String checksum = applied.remove(script.version());
			if (checksum == null) {
				pending.add(script);
			}
			else if (!checksum.equals(script.checksum())) {
				throw new IllegalStateException("Checksum mismatch for version " + script.version());
			}
		}
		if (!applied.isEmpty()) {
			throw new IllegalStateException("Applied versions without a script: " + applied.keySet());
		}
		return pending;
	}

	private static List<Script> read(Path directory) throws IOException, NoSuchAlgorithmException {
		MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
		List<Script> scripts = new ArrayList<>();
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				String name = file.getFileName().toString();
				byte[] bytes = Files.readAllBytes(file);
				int version = Integer.parseInt(name.substring(1, name.indexOf("__")));
				scripts.add(new Script(version, new String(bytes, StandardCharsets.UTF_8),
						HexFormat.of().formatHex(sha256.digest(bytes))));
			}
		}
		scripts.sort(Comparator.comparingInt(Script::version));
		return scripts;
	}

	private record Script(int version, String text, String checksum) {
	}

}
