package dev.migrations.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.testing.MariaDbDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drivers the built jar carries: MariaDB works from the jar as it is, and a URL that no driver accepts gets a
 * line of its own naming the scheme, never advice about a server that does not answer.
 */
class CommandLineDriversIT {

	@TempDir
	Path directory;

	@Test
	void upgradesDowngradesAndReadsMariaDbFromTheJarAlone() {
		try (MariaDbDatabase database = MariaDbDatabase.create("cli_mariadb")) {
			MigrationsJar migrations = MigrationsJar.in(this.directory).on(database);
			Scripts scripts = new Scripts(this.directory.resolve("migrations"));
			scripts.revision("1_base.sql", "1a1a1a1a1a1a", "");
			scripts.revision("2_next.sql", "2b2b2b2b2b2b", "1a1a1a1a1a1a");

			MigrationsJar.Result upgrade = migrations.run("upgrade", "head");
			assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
			assertThat(upgrade.lines()).containsExactly("Running upgrade  -> 1a1a1a1a1a1a, revision 1a1a1a1a1a1a",
					"Running upgrade 1a1a1a1a1a1a -> 2b2b2b2b2b2b, revision 2b2b2b2b2b2b");
			assertThat(migrations.run("current").lines()).containsExactly("2b2b2b2b2b2b (head)");

			MigrationsJar.Result downgrade = migrations.run("downgrade", "-1");
			assertThat(downgrade.exitCode()).as(downgrade.toString()).isZero();
			assertThat(downgrade.lines())
				.containsExactly("Running downgrade 2b2b2b2b2b2b -> 1a1a1a1a1a1a, revision 2b2b2b2b2b2b");
			assertThat(migrations.run("current").lines()).containsExactly("1a1a1a1a1a1a");

			MigrationsJar.Result withFlags = MigrationsJar.in(this.directory)
				.run(connectionFlags(database, "upgrade", "head"));
			assertThat(withFlags.exitCode()).as(withFlags.toString()).isZero();
			assertThat(withFlags.lines())
				.containsExactly("Running upgrade 1a1a1a1a1a1a -> 2b2b2b2b2b2b, revision 2b2b2b2b2b2b");
		}
	}

	/** {@code --url} and {@code --user} (and {@code --password} where there is one) as a new user types them. */
	private static List<String> connectionFlags(MariaDbDatabase database, String... command) {
		List<String> args = new ArrayList<>(List.of("--url", database.jdbcUrl(), "--user", database.user()));
		if (database.password() != null) {
			args.addAll(List.of("--password", database.password()));
		}
		args.addAll(List.of(command));
		return args;
	}

	@Test
	void aUrlWithoutADriverNamesItsSchemeAndNoConnectionHint() throws IOException {
		Files.createDirectories(this.directory.resolve("migrations"));
		MigrationsJar.Result current = MigrationsJar.in(this.directory).run("--url", "jdbc:nosuchdb://x", "current");
		assertThat(current.exitCode()).as(current.toString()).isEqualTo(1);
		assertThat(current.errorLines()).containsExactly(
				"FAILED: No JDBC driver on the class path accepts 'jdbc:nosuchdb:' URLs",
				"Hint: Add the JDBC driver for 'nosuchdb' to the class path, or fix the URL; migrations supports"
						+ " PostgreSQL, H2 and MariaDB/MySQL");
	}

	@Test
	void aMySqlUrlNamesTheDriverToAdd() throws IOException {
		Files.createDirectories(this.directory.resolve("migrations"));
		MigrationsJar.Result upgrade = MigrationsJar.in(this.directory)
			.run("--url", "jdbc:mysql://127.0.0.1:3306/app", "--user", "root", "upgrade", "head");
		assertThat(upgrade.exitCode()).as(upgrade.toString()).isEqualTo(1);
		assertThat(upgrade.errorLines()).containsExactly(
				"FAILED: No JDBC driver on the class path accepts 'jdbc:mysql:' URLs",
				"Hint: Add the driver com.mysql:mysql-connector-j (or write the URL as jdbc:mariadb:) to the class path");
	}

}
