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
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrations.create-database=true}: the application's database, or {@code migrations.url}'s, is created when
 * missing and then upgraded on start-up; an instance's with its own {@code migrations.instances.<name>.create-database}
 * alone; on both servers, under a random name dropped afterwards.
 */
class DatabaseCreationTests {

	private static final String HEAD = "c1c1c1c1c1c1";

	private static final String INSTANCE_HEAD = "d1d1d1d1d1d1";

	/** A revision both servers run: the test scripts on the class path are PostgreSQL's. */
	@TempDir
	static Path scripts;

	/** The instance's revision, of a table of its own. */
	@TempDir
	static Path instanceScripts;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class,
				MigrationsInstancesAutoConfiguration.class))
		.withPropertyValues("migrations.locations=filesystem:" + scripts);

	@BeforeAll
	static void writeTheRevisions() throws IOException {
		Files.writeString(scripts.resolve("1_created.sql"), "-- Revision ID: " + HEAD + "\n-- Revises:\n-- Message: created\n\n"
				+ "-- migrate:upgrade\nCREATE TABLE created (id integer PRIMARY KEY);\n\n-- migrate:downgrade\nDROP TABLE created;\n");
		Files.writeString(instanceScripts.resolve("1_reported.sql"), "-- Revision ID: " + INSTANCE_HEAD
				+ "\n-- Revises:\n-- Message: reported\n\n-- migrate:upgrade\n"
				+ "CREATE TABLE reported (id integer PRIMARY KEY);\n");
	}

	/** An instance, {@code reporting}, with scripts and a version table of its own. */
	private ApplicationContextRunner withReportingInstance() {
		return this.contextRunner.withPropertyValues(
				"migrations.instances.reporting.locations=filesystem:" + instanceScripts,
				"migrations.instances.reporting.version-table=reporting_version");
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

	@ParameterizedTest
	@EnumSource(Server.class)
	void anInstanceCreatesItsOwnMissingDatabaseBeforeItsUpgrade(Server kind) throws Exception {
		try (ServerDatabase server = kind.open();
				H2Database application = H2Database.create("boot_create_app", H2Database.Mode.DEFAULT)) {
			String name = randomName();
			String url = server.jdbcUrl().replace("/" + server.name(), "/" + name);
			try {
				withReportingInstance()
					.withPropertyValues("spring.datasource.url=" + application.jdbcUrl(),
							"spring.datasource.username=sa", "migrations.instances.reporting.url=" + url,
							"migrations.instances.reporting.user=" + server.user(),
							"migrations.instances.reporting.create-database=true")
					.run((context) -> assertThat(context).hasNotFailed());
				assertThat(versionRows(url, server, "reporting_version")).containsExactly(INSTANCE_HEAD);
				assertThat(VersionTable.rows(application.dataSource())).containsExactly(HEAD);
			}
			finally {
				server.executeOnServer("DROP DATABASE IF EXISTS " + name);
			}
		}
	}

	@Test
	void anInstanceOnTheApplicationsDatabaseCreatesItBeforeTheDefaultSetRuns() throws Exception {
		try (ServerDatabase server = Server.POSTGRESQL.open()) {
			String name = randomName();
			String url = server.jdbcUrl().replace("/" + server.name(), "/" + name);
			try {
				withReportingInstance()
					.withPropertyValues("spring.datasource.url=" + url, "spring.datasource.username=" + server.user(),
							"migrations.instances.reporting.create-database=true")
					.run((context) -> assertThat(context).hasNotFailed());
				assertThat(versionRows(url, server, "reporting_version")).containsExactly(INSTANCE_HEAD);
				assertThat(versionRows(url, server, "migrations_version")).containsExactly(HEAD);
			}
			finally {
				server.executeOnServer("DROP DATABASE IF EXISTS " + name);
			}
		}
	}

	@Test
	void theDefaultSetsCreateDatabaseDoesNotReachAnInstance() {
		try (ServerDatabase server = Server.POSTGRESQL.open()) {
			String name = randomName();
			String missing = server.jdbcUrl().replace("/" + server.name(), "/" + name);
			withReportingInstance()
				.withPropertyValues("spring.datasource.url=" + server.jdbcUrl(),
						"spring.datasource.username=" + server.user(), "migrations.create-database=true",
						"migrations.instances.reporting.url=" + missing,
						"migrations.instances.reporting.user=" + server.user())
				.run((context) -> {
					assertThat(context).hasFailed();
					FailureAnalysis analysis = new MigrationsFailureAnalyzer().analyze(context.getStartupFailure());
					assertThat(analysis.getDescription()).startsWith("Migration instance 'reporting': ")
						.contains(name);
				});
			assertThat(new JdbcTemplate(server.dataSource()).queryForObject(
					"SELECT count(*) FROM pg_database WHERE datname = ?", Integer.class, name)).isZero();
		}
	}

	@Test
	void anInstancesDataSourceBeanGivesNoUrlToCreate() {
		try (H2Database application = H2Database.create("boot_create_app", H2Database.Mode.DEFAULT);
				H2Database archive = H2Database.create("boot_create_archive", H2Database.Mode.DEFAULT)) {
			withReportingInstance()
				.withUserConfiguration(MigrationsInstancesAutoConfigurationTests.ArchiveDataSourceConfiguration.class)
				.withPropertyValues("spring.datasource.url=" + application.jdbcUrl(), "spring.datasource.username=sa",
						"test.archive-url=" + archive.jdbcUrl(),
						"migrations.instances.reporting.data-source=archiveDataSource",
						"migrations.instances.reporting.create-database=true")
				.run((context) -> {
					assertThat(context).hasFailed();
					FailureAnalysis analysis = new MigrationsFailureAnalyzer().analyze(context.getStartupFailure());
					assertThat(analysis.getDescription()).isEqualTo("Migration instance 'reporting': "
							+ "migrations.instances.reporting.create-database=true needs the database's URL, and the "
							+ "DataSource bean 'archiveDataSource' gives none");
					assertThat(analysis.getAction()).startsWith("Set migrations.instances.reporting.url (with "
							+ "migrations.instances.reporting.user and migrations.instances.reporting.password)");
				});
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
		return versionRows(url, server, "migrations_version");
	}

	private static List<String> versionRows(String url, ServerDatabase server, String table) throws Exception {
		List<String> rows = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(url, server.user(), server.password());
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT version_num FROM " + table)) {
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
