package dev.migrations.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.migrations.testing.MariaDbDatabase;
import dev.migrations.testing.PostgresDatabase;
import dev.migrations.testing.ServerDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code upgrade --create-database} (and a project's {@code migrations.create-database=true}) through the built jar:
 * the database the URL names is created when missing, then upgraded; an instance asks for it with its own
 * {@code migrations.instances.<name>.create-database}; on both servers, under a random name.
 */
class CommandLineCreateDatabaseIT {

	enum Server {

		POSTGRESQL, MARIADB;

		ServerDatabase open() {
			return (this == POSTGRESQL) ? PostgresDatabase.create("cli_create")
					: MariaDbDatabase.create("cli_create");
		}

	}

	@TempDir
	Path directory;

	@ParameterizedTest
	@EnumSource(Server.class)
	void createsTheMissingDatabaseThenUpgrades(Server kind) {
		try (ServerDatabase server = kind.open()) {
			String name = randomName();
			MigrationsJar migrations = MigrationsJar.in(this.directory)
				.on(server.jdbcUrl().replace("/" + server.name(), "/" + name), server.user(), server.password());
			new Scripts(this.directory.resolve("migrations")).revision("1_base.sql", "1a1a1a1a1a1a", "");
			try {
				MigrationsJar.Result missing = migrations.run("upgrade");
				assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(1);
				assertThat(missing.errorLines()).last().asString().startsWith("Hint: The database does not exist");

				MigrationsJar.Result created = migrations.run("upgrade", "--create-database");
				assertThat(created.exitCode()).as(created.toString()).isZero();
				assertThat(created.lines()).containsExactly("Created database " + name,
						"Running upgrade  -> 1a1a1a1a1a1a, revision 1a1a1a1a1a1a");

				MigrationsJar.Result again = migrations.run("upgrade", "--create-database");
				assertThat(again.exitCode()).as(again.toString()).isZero();
				assertThat(again.lines()).isEmpty();
				assertThat(migrations.run("current").lines()).containsExactly("1a1a1a1a1a1a (head)");
			}
			finally {
				server.executeOnServer("DROP DATABASE IF EXISTS " + name);
			}
		}
	}

	@ParameterizedTest
	@EnumSource(Server.class)
	void aProjectAsksForItWithMigrationsCreateDatabase(Server kind) throws IOException {
		try (ServerDatabase server = kind.open()) {
			String name = randomName();
			Path resources = Files.createDirectories(this.directory.resolve("src/main/resources"));
			Files.writeString(resources.resolve("application.properties"),
					"spring.datasource.url=" + server.jdbcUrl().replace("/" + server.name(), "/" + name) + "\n"
							+ "spring.datasource.username=" + server.user() + "\nmigrations.create-database=true\n");
			new Scripts(resources.resolve("db/migrations")).revision("1_base.sql", "1a1a1a1a1a1a", "");
			assertCreatedThenUpgraded(server, name, "upgrade");
		}
	}

	@ParameterizedTest
	@EnumSource(Server.class)
	void anInstanceAsksForItWithItsOwnCreateDatabase(Server kind) throws IOException {
		try (ServerDatabase server = kind.open()) {
			String name = randomName();
			Path resources = Files.createDirectories(this.directory.resolve("src/main/resources"));
			Files.writeString(resources.resolve("application.properties"), "spring.datasource.url=jdbc:h2:file:"
					+ this.directory.toAbsolutePath().toString().replace('\\', '/') + "/app\n"
					+ "migrations.instances.reporting.url="
					+ server.jdbcUrl().replace("/" + server.name(), "/" + name) + "\n"
					+ "migrations.instances.reporting.user=" + server.user() + "\n"
					+ "migrations.instances.reporting.locations=classpath:db/reporting\n"
					+ "migrations.instances.reporting.create-database=true\n");
			new Scripts(resources.resolve("db/reporting")).revision("1_base.sql", "1a1a1a1a1a1a", "");
			assertCreatedThenUpgraded(server, name, "upgrade", "--instance", "reporting");
		}
	}

	/** The command, run in the project, creates database {@code name} and upgrades it; the database is dropped after. */
	private void assertCreatedThenUpgraded(ServerDatabase server, String name, String... command) {
		try {
			MigrationsJar.Result created = MigrationsJar.in(this.directory).run(command);
			assertThat(created.exitCode()).as(created.toString()).isZero();
			assertThat(created.lines()).containsExactly("Created database " + name,
					"Running upgrade  -> 1a1a1a1a1a1a, revision 1a1a1a1a1a1a");
		}
		finally {
			server.executeOnServer("DROP DATABASE IF EXISTS " + name);
		}
	}

	private static String randomName() {
		return "mig_cli_created_" + Long.toHexString(ThreadLocalRandom.current().nextLong()).toLowerCase(Locale.ROOT);
	}

}
