package dev.migrations.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.script.JavaMigration;
import dev.migrations.script.MigrationRevision;
import dev.migrations.testing.H2Database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Revisions written in Java take part in the graph like scripts: ordered, applied, downgraded, or irreversible. */
class JavaMigrationsTest {

	@MigrationRevision(id = "j2", revises = "s1", message = "seed from java")
	static final class SeedAccounts implements JavaMigration {

		@Override
		public void upgrade(Connection connection) throws Exception {
			try (Statement statement = connection.createStatement()) {
				statement.execute("INSERT INTO accounts VALUES (1), (2)");
			}
		}

		@Override
		public void downgrade(Connection connection) throws Exception {
			try (Statement statement = connection.createStatement()) {
				statement.execute("DELETE FROM accounts");
			}
		}

	}

	@MigrationRevision(id = "j3", revises = "j2", message = "one way")
	static final class OneWay implements JavaMigration {

		@Override
		public void upgrade(Connection connection) throws Exception {
			try (Statement statement = connection.createStatement()) {
				statement.execute("INSERT INTO accounts VALUES (3)");
			}
		}

	}

	@Test
	void javaMigrationsRunBetweenScriptsAndAnIrreversibleOneStopsTheDowngrade(@TempDir Path directory)
			throws Exception {
		ScriptDirectory scripts = new ScriptDirectory(directory).revision("1_accounts.sql", "s1", null,
				"CREATE TABLE accounts (id int primary key);", "DROP TABLE accounts;");
		try (H2Database h2 = H2Database.create("java", H2Database.Mode.DEFAULT)) {
			Migrations migrations = new Migrations(
					scripts.config().javaMigrations(List.of(new SeedAccounts(), new OneWay())).build(), h2.dataSource());
			assertThat(migrations.upgrade("head").steps()).extracting((step) -> step.describe())
				.containsExactly("Running upgrade  -> s1, 1_accounts", "Running upgrade s1 -> j2, seed from java",
						"Running upgrade j2 -> j3, one way");
			assertThat(count(h2)).isEqualTo(3);
			assertThatThrownBy(() -> migrations.downgrade("s1")).isInstanceOf(MigrationsException.class)
				.hasMessageContaining(OneWay.class.getName())
				.extracting((ex) -> ((MigrationsException) ex).kind())
				.isEqualTo(ErrorKind.IRREVERSIBLE);
			assertThat(count(h2)).isEqualTo(3);
		}
	}

	private static int count(H2Database h2) throws Exception {
		try (Connection connection = h2.connect(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT count(*) FROM accounts")) {
			result.next();
			return result.getInt(1);
		}
	}

}
