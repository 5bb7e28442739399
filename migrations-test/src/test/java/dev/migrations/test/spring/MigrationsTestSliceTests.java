package dev.migrations.test.spring;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

import dev.migrations.test.MigrationsTester;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The slice on PostgreSQL: the starter's properties reach the tester, the application's components stay out, and a
 * broken script fails the checks rather than the context.
 */
@MigrationsTest(properties = { "migrations.locations=classpath:sets/good", "migrations.version-table=kit_version" })
class MigrationsTestSliceTests {

	private static TestDatabase database;

	@Autowired
	private MigrationsTester tester;

	@Autowired
	private ApplicationContext context;

	@BeforeAll
	static void createDatabase() {
		database = TestDatabases.postgres().create("slice");
	}

	/** The test's database as the application's DataSource: Spring Boot's own backs off. */
	@TestConfiguration
	static class TestDatabaseConfiguration {

		@Bean
		DataSource dataSource() {
			return database.dataSource();
		}

	}

	@AfterAll
	static void dropDatabase() {
		database.close();
	}

	@TestFactory
	Stream<DynamicNode> everyCheck() {
		return this.tester.checks();
	}

	@Test
	void onlyWhatMigrationsNeedIsCreated() {
		assertThat(this.context.getBeanNamesForType(StartsNoServer.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(MigrationsTester.class)).hasSize(1);
	}

	@Test
	void theStartersPropertiesReachTheTester() throws SQLException {
		try (TestDatabase atHeads = this.tester.databaseAtHeads();
				Connection connection = atHeads.dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT version_num FROM kit_version")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("3c0000000003");
		}
	}

	@Test
	void theStartUpRunIsOffSoTheApplicationDatabaseIsUntouched() throws SQLException {
		try (Connection connection = database.dataSource().getConnection();
				ResultSet tables = connection.getMetaData().getTables(null, "public", "%", null)) {
			assertThat(tables.next()).isFalse();
		}
	}

}
