package dev.migrations.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.testing.H2Database;

import static org.assertj.core.api.Assertions.assertThat;

/** Offline SQL is written for the configured database without connecting, and does what an online run does. */
class OfflineSqlTest {

	@Test
	void h2SqlRenderedWithoutAConnectionRunsOnH2(@TempDir Path directory) throws Exception {
		ScriptDirectory scripts = new ScriptDirectory(directory)
			.revision("1_a.sql", "r1", null, "CREATE TABLE a (id int);", "DROP TABLE a;")
			.revision("2_b.sql", "r2", "r1", "CREATE TABLE b (id int);", "DROP TABLE b;");
		String sql = new Migrations(scripts.config().offlineDialect("h2").build(), null).upgradeSql("base:r2");
		try (H2Database h2 = H2Database.create("offline", H2Database.Mode.DEFAULT);
				Connection connection = h2.connect();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
			try (ResultSet rows = statement.executeQuery("SELECT version_num FROM migrations_version")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getString(1)).isEqualTo("r2");
				assertThat(rows.next()).isFalse();
			}
			assertThat(new Migrations(scripts.config().build(), h2.dataSource()).check().ok()).isTrue();
		}
	}

}
