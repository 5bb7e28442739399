package dev.migrations.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.testing.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code upgrade --tenant} and {@code --all-tenants} through the built jar, with the tenants of the project's
 * {@code migrations.tenants.*}: one line per tenant, a summary, and exit status 1 when one failed.
 */
class CommandLineTenantsIT {

	@TempDir
	Path directory;

	private PostgresDatabase database;

	@BeforeEach
	void project() throws IOException {
		this.database = PostgresDatabase.create("cli_tenants");
		Path resources = Files.createDirectories(this.directory.resolve("src/main/resources"));
		Files.writeString(resources.resolve("application.properties"),
				"spring.datasource.url=" + this.database.jdbcUrl() + "\nspring.datasource.username="
						+ this.database.user() + "\nmigrations.tenants.ids=alpha,broken,gamma\n"
						+ "migrations.tenants.locations=classpath:db/tenants\nmigrations.tenants.parallelism=2\n");
		Scripts tenants = new Scripts(resources.resolve("db/tenants"));
		tenants.write("1_items.sql", Scripts.header("a1a1a1a1a1a1", "")
				+ "-- migrate:upgrade\nCREATE TABLE IF NOT EXISTS items (owner text);\n");
		tenants.write("2_owner.sql", Scripts.header("b2b2b2b2b2b2", "a1a1a1a1a1a1")
				+ "-- migrate:upgrade\nINSERT INTO items (owner) VALUES ('${tenant}');\n");
	}

	@AfterEach
	void drop() {
		this.database.close();
	}

	@Test
	void oneTenantThenAllWithTheFailedOneListedAndExitStatusOne() throws SQLException {
		MigrationsJar migrations = MigrationsJar.in(this.directory);
		MigrationsJar.Result one = migrations.run("upgrade", "--tenant", "alpha");
		assertThat(one.exitCode()).as(one.toString()).isZero();
		assertThat(one.lines()).containsExactly("alpha: upgraded (2 revisions) -> b2b2b2b2b2b2",
				"1 tenant: 1 upgraded, 0 at head, 0 behind, 0 failed");
		execute("CREATE SCHEMA broken", "CREATE TABLE broken.items (owner int)");

		MigrationsJar.Result all = migrations.run("upgrade", "--all-tenants", "--tenants-on-failure", "continue");

		assertThat(all.exitCode()).as(all.toString()).isEqualTo(1);
		assertThat(all.lines()).hasSize(4);
		assertThat(all.lines().get(0)).isEqualTo("alpha: at head b2b2b2b2b2b2");
		assertThat(all.lines().get(1)).startsWith("broken: FAILED at a1a1a1a1a1a1: ")
			.contains("invalid input syntax for type integer");
		assertThat(all.lines().get(2)).isEqualTo("gamma: upgraded (2 revisions) -> b2b2b2b2b2b2");
		assertThat(all.lines().get(3)).isEqualTo("3 tenants: 1 upgraded, 1 at head, 0 behind, 1 failed");
		assertThat(all.errorLines()).first().asString().isEqualTo("FAILED: 1 of 3 tenants failed: broken");
		assertThat(single("SELECT owner FROM gamma.items")).isEqualTo("gamma");
		assertThat(single("SELECT version_num FROM broken.migrations_version")).isEqualTo("a1a1a1a1a1a1");
	}

	@Test
	void badTenantInputIsOneLine() {
		MigrationsJar migrations = MigrationsJar.in(this.directory);
		MigrationsJar.Result badId = migrations.run("upgrade", "--tenant", "no-such tenant");
		assertThat(badId.exitCode()).isEqualTo(1);
		assertThat(badId.errorLines()).first().asString().isEqualTo("FAILED: Invalid tenant id 'no-such tenant'");

		MigrationsJar.Result badPolicy = migrations.run("upgrade", "--all-tenants", "--tenants-on-failure", "maybe");
		assertThat(badPolicy.exitCode()).isEqualTo(1);
		assertThat(badPolicy.errorLines()).first().asString()
			.isEqualTo("FAILED: Unknown tenant failure policy 'maybe'");

		MigrationsJar.Result both = migrations.run("upgrade", "--tenant", "alpha", "--all-tenants");
		assertThat(both.exitCode()).isEqualTo(1);
		assertThat(both.errorLines()).first().asString()
			.isEqualTo("FAILED: --tenant and --all-tenants go alone: not with each other, nor with --sql");
	}

	private void execute(String... sql) throws SQLException {
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			for (String each : sql) {
				statement.execute(each);
			}
		}
	}

	private String single(String sql) throws SQLException {
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

}
