package dev.migrations.test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import dev.migrations.config.MigrationsConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Where the checks get their empty databases, and databases at head from the template cache. */
class TestDatabasesTests {

	private static final MigrationsConfig GOOD = MigrationsConfig.builder().locations("classpath:sets/good").build();

	@Test
	void aSchemaPerCheckInsideAPooledPostgresDatabaseIsDroppedAndThePoolsConnectionsGoBack() throws SQLException {
		try (TestDatabase database = TestDatabases.postgres().create("schemas");
				HikariDataSource pool = pool(database.dataSource())) {
			MigrationsTester tester = MigrationsTester.of(pool, "classpath:sets/good");
			assertThat(tester.checkStairway().reported()).isEmpty();
			assertThat(tester.checkUpgrade().reported()).isEmpty();
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> MigrationsTester.of(pool, "classpath:sets/forgets_index").checkStairway())
				.withMessage("downgrade of 2b0000000002 (sets/forgets_index/2_change.sql) left index users_status_idx "
						+ "on users(status)");
			assertThat(strings(pool, "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'mig%'"))
				.isEmpty();
			assertThat(strings(pool, "SELECT current_schema()")).containsExactly("public");
			assertThat(strings(pool, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"))
				.isEmpty();
		}
	}

	@Test
	void aSchemaPerCheckInsideAnH2Database() throws SQLException {
		try (TestDatabase database = TestDatabases.h2().create("schemas")) {
			MigrationsTester tester = MigrationsTester.of(database.dataSource(), "classpath:sets/good");
			assertThat(tester.checkStairway().reported()).isEmpty();
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> MigrationsTester.of(database.dataSource(), "classpath:sets/forgets_column").checkStairway())
				.withMessage("downgrade of 2b0000000002 (sets/forgets_column/2_change.sql) left column USERS.AVATAR_URL");
			assertThat(strings(database.dataSource(),
					"SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'mig%'"))
				.isEmpty();
		}
	}

	@Test
	void aPostgresDatabaseAtHeadIsACopyOfATemplateNamedAfterTheScriptsChecksums() throws SQLException {
		String template = "mig_tpl_" + PostgresDatabases.templateKey(GOOD);
		PostgresDatabases databases = TestDatabases.postgres();
		try (TestDatabase first = databases.createAtHeads("cached", GOOD);
				TestDatabase second = databases.createAtHeads("cached", GOOD)) {
			assertThat(strings(first.dataSource(), "SELECT datname FROM pg_database WHERE datname = ?", template))
				.containsExactly(template);
			assertThat(strings(first.dataSource(), "SELECT version_num FROM migrations_version"))
				.containsExactly("3c0000000003");
			assertThat(strings(second.dataSource(), "SELECT version_num FROM migrations_version"))
				.containsExactly("3c0000000003");
		}
	}

	@Test
	void theTemplateKeyChangesWithAnyScriptAndWithoutTheCacheTheScriptsRun() throws SQLException {
		MigrationsConfig edited = MigrationsConfig.builder().locations("classpath:sets/edited").build();
		assertThat(PostgresDatabases.templateKey(edited)).isNotEqualTo(PostgresDatabases.templateKey(GOOD));
		try (TestDatabase database = TestDatabases.postgres().templateCache(false).createAtHeads("uncached", edited)) {
			assertThat(strings(database.dataSource(), "SELECT datname FROM pg_database WHERE datname = ?",
					"mig_tpl_" + PostgresDatabases.templateKey(edited)))
				.isEmpty();
			assertThat(strings(database.dataSource(), "SELECT version_num FROM migrations_version"))
				.containsExactly("3c0000000003");
		}
	}

	private static HikariDataSource pool(DataSource dataSource) {
		HikariConfig config = new HikariConfig();
		config.setDataSource(dataSource);
		config.setMaximumPoolSize(2);
		return new HikariDataSource(config);
	}

	private static List<String> strings(DataSource dataSource, String sql, String... parameters) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setString(i + 1, parameters[i]);
			}
			List<String> values = new ArrayList<>();
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					values.add(rows.getString(1));
				}
			}
			return values;
		}
	}

}
