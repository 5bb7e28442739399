package dev.migrations.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.config.RunSafety;
import dev.migrations.testing.MariaDbDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On MariaDB, which has no settings of a transaction, a revision's timeouts are the session's while it runs and
 * the server's defaults again afterwards.
 */
class LiveDatabaseMariaDbTest {

	private MariaDbDatabase database;

	private DataSource dataSource;

	private ScriptDirectory scripts;

	@BeforeEach
	void createDatabase(@TempDir Path directory) {
		this.database = MariaDbDatabase.create("live");
		this.dataSource = this.database.dataSource();
		this.scripts = new ScriptDirectory(directory);
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void eachRevisionRunsWithItsTimeoutsAndTheNextWithTheServersDefaults() throws SQLException {
		this.scripts.revision("1_a.sql", "r1", null, seen("a"), null)
			.write("2_b.sql", """
					-- Revision ID: r2
					-- Revises: r1
					-- Lock Timeout: 1500ms
					-- Statement Timeout: 0

					-- migrate:upgrade
					""" + seen("b"))
			.revision("3_c.sql", "r3", "r2", seen("c"), null);
		String defaults = query("SELECT CONCAT(@@GLOBAL.lock_wait_timeout, ' ', @@GLOBAL.innodb_lock_wait_timeout, "
				+ "' ', @@GLOBAL.max_statement_time)").get(0);
		RunSafety safety = new RunSafety(Duration.ofSeconds(3), Duration.ofMillis(2500), 0, true);
		new Migrations(this.scripts.config().safety(safety).build(), this.dataSource).upgrade("r1");
		new Migrations(this.scripts.config().build(), this.dataSource).upgrade("head");
		assertThat(query("SELECT seen FROM seen_a")).containsExactly("3 3 2.500000");
		assertThat(query("SELECT seen FROM seen_b")).containsExactly("2 2 0.000000");
		assertThat(query("SELECT seen FROM seen_c")).containsExactly(defaults);
	}

	/** A revision that records the session's timeouts in a table {@code seen_<name>}. */
	private static String seen(String name) {
		return "CREATE TABLE seen_" + name + " AS SELECT CONCAT(@@SESSION.lock_wait_timeout, ' ', "
				+ "@@SESSION.innodb_lock_wait_timeout, ' ', @@SESSION.max_statement_time) AS seen;";
	}

	private List<String> query(String sql) throws SQLException {
		try (Connection connection = this.dataSource.getConnection(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			List<String> values = new ArrayList<>();
			while (result.next()) {
				values.add(result.getString(1));
			}
			return values;
		}
	}

}
