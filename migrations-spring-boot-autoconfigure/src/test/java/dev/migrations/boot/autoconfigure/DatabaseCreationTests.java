package dev.migrations.boot.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import dev.migrations.error.MigrationsException;
import dev.migrations.testing.H2Database;
import dev.migrations.testing.MariaDbDatabase;
import dev.migrations.testing.PostgresDatabase;
import dev.migrations.testing.ServerDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrations.create-database=true}: the application's database, or {@code migrations.url}'s, is created when
 * missing and then upgraded on start-up; on both servers, under a random name dropped afterwards.
 */
class DatabaseCreationTests {

	private static final String HEAD = "c1c1c1c1c1c1";

	/** A revision both servers run: the test scripts on the class path are PostgreSQL's. */
	@TempDir
	static Path scripts;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class))
		.withPropertyValues("migrations.locations=filesystem:" + scripts);

	@BeforeAll
	static void writeTheRevision() throws IOException {
		Files.writeString(scripts.resolve("1_created.sql"), "-- Revision ID: " + HEAD + "\n-- Revises:\n-- Message: created\n\n"
				+ "-- migrate:upgrade\nCREATE TABLE created (id integer PRIMARY KEY);\n\n-- migrate:downgrade\nDROP TABLE created;\n");
	}

	enum Server {

		POSTGRESQL, MARIADB;

		ServerDatabase open() {
			return (this == POSTGRESQL) ? PostgresDatabase.create("boot_create")
					: MariaDbDatabase.create("boot_create");
		}

	}

	@ParameterizedTest
	@EnumSource(Server.class)
	void createsTheApplicationsMissingDatabaseThenUpgradesIt(Server kind) throws Exception {
		try (ServerDatabase server = kind.open()) {
			String name = randomName();
			String url = server.jdbcUrl().replace("/" + server.name(), "/" + name);
			try {
				this.contextRunner
					.withPropertyValues("spring.datasource.url=" + url, "spring.datasource.username=" + server.user(),
							"migrations.create-database=true")
					.run((context) -> assertThat(context).hasNotFailed());
				assertThat(versionRows(url, server)).containsExactly(HEAD);
			}
			finally {
				server.executeOnServer("DROP DATABASE IF EXISTS " + name);
			}
		}
	}

	@ParameterizedTest
	@EnumSource(Server.class)
	void createsTheDatabaseOfMigrationsUrl(Server kind) throws Exception {
		try (ServerDatabase server = kind.open()) {
			String name = randomName();
			String url = server.jdbcUrl().replace("/" + server.name(), "/" + name);
			try {
				this.contextRunner
					.withPropertyValues("migrations.url=" + url, "migrations.user=" + server.user(),
							"migrations.create-database=true")
					.run((context) -> assertThat(context).hasNotFailed());
				assertThat(versionRows(url, server)).containsExactly(HEAD);
			}
			finally {
				server.executeOnServer("DROP DATABASE IF EXISTS " + name);
			}
		}
	}

	@Test
	void withoutTheSettingAMissingDatabaseFailsTheStartUp() {
		try (ServerDatabase server = Server.POSTGRESQL.open()) {
			String url = server.jdbcUrl().replace("/" + server.name(), "/" + randomName());
			this.contextRunner
				.withPropertyValues("spring.datasource.url=" + url, "spring.datasource.username=" + server.user())
				.run((context) -> assertThat(context).hasFailed()
					.getFailure()
					.rootCause()
					.hasMessageContaining("does not exist"));
		}
	}

	@Test
	void aMigrationsDataSourceBeanGivesNoUrlToCreate() {
		try (H2Database application = H2Database.create("boot_create_app", H2Database.Mode.DEFAULT);
				H2Database migrations = H2Database.create("boot_create_own", H2Database.Mode.DEFAULT)) {
			this.contextRunner
				.withUserConfiguration(MigrationsAutoConfigurationTests.NonDefaultQualifiedDataSourceConfiguration.class)
				.withPropertyValues("spring.datasource.url=" + application.jdbcUrl(), "spring.datasource.username=sa",
						"test.migrations-url=" + migrations.jdbcUrl(), "migrations.create-database=true")
				.run((context) -> assertThat(context).hasFailed()
					.getFailure()
					.rootCause()
					.isInstanceOf(MigrationsException.class)
					.hasMessage("migrations.create-database=true needs the database's URL, and a @MigrationsDataSource"
							+ " bean gives none"));
		}
	}

	private static List<String> versionRows(String url, ServerDatabase server) throws Exception {
		List<String> rows = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(url, server.user(), server.password());
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT version_num FROM migrations_version")) {
			while (result.next()) {
				rows.add(result.getString(1));
			}
		}
		return rows;
	}

	private static String randomName() {
		return "mig_boot_created_" + Long.toHexString(ThreadLocalRandom.current().nextLong()).toLowerCase(Locale.ROOT);
	}

}
