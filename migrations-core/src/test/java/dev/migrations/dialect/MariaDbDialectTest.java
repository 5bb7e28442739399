package dev.migrations.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.migrations.testing.MariaDbDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the contract on the MariaDB server the tests find (contract section 7), in a database of its own. Schemas
 * are databases there, so the configured schemas are dropped with it.
 */
class MariaDbDialectTest extends DialectContractTest {

	/** MariaDB's error for SQL it cannot parse. */
	private static final int PARSE_ERROR = 1064;

	private MariaDbDatabase database;

	private final Set<String> schemas = ConcurrentHashMap.newKeySet();

	@Override
	DataSource createDatabase() {
		this.database = MariaDbDatabase.create("dialect");
		return this.database.dataSource();
	}

	@Override
	void dropDatabase() {
		for (String schema : this.schemas) {
			this.database.executeOnServer("DROP DATABASE IF EXISTS " + dialect().quote(schema));
		}
		this.database.close();
	}

	@Override
	String schemaName(String base) {
		String schema = this.database.name() + "_" + base;
		this.schemas.add(schema);
		return schema;
	}

	@Override
	Class<? extends Dialect> expectedDialect() {
		return MariaDbDialect.class;
	}

	@Override
	String sessionTimeoutsSql() {
		return "SELECT CONCAT(@@SESSION.lock_wait_timeout, '/', @@SESSION.innodb_lock_wait_timeout, '|', "
				+ "@@SESSION.max_statement_time)";
	}

	@Override
	String sessionTimeZoneSql() {
		return "SET time_zone = '+05:30'";
	}

	@Test
	void quotesEveryWordTheServerRefusesAsATableName() throws SQLException {
		try (Connection connection = connect()) {
			List<String> keywords = column(connection,
					"SELECT word FROM information_schema.keywords WHERE word REGEXP '^[A-Za-z_][A-Za-z0-9_]*$'");
			assertThat(keywords).hasSizeGreaterThan(500);
			int refused = 0;
			for (String keyword : keywords) {
				try {
					execute(connection, "PREPARE probe FROM 'CREATE TABLE " + keyword + " (x int)'");
				}
				catch (SQLException ex) {
					assertThat(ex.getErrorCode()).as(keyword).isEqualTo(PARSE_ERROR);
					assertThat(dialect().quote(keyword)).as(keyword).isEqualTo("`" + keyword + "`");
					refused++;
				}
			}
			assertThat(refused).isGreaterThan(200);
		}
	}

	@Test
	void quotesWithBackticks() {
		assertThat(dialect().quote("Version Table")).isEqualTo("`Version Table`");
		assertThat(dialect().quote("odd`name")).isEqualTo("`odd``name`");
		assertThat(dialect().quote("MigrationsVersion")).isEqualTo("MigrationsVersion");
	}

	@Test
	void theLockIsANamedLockOfTheDatabaseHeldWhileTheWorkRuns() throws SQLException {
		String name = this.database.name() + "." + unique("named");
		String during = dialect().lock(null, name.substring(this.database.name().length() + 1))
			.withLock(dataSource(), Duration.ofSeconds(5), () -> {
				try (Connection connection = connect()) {
					return column(connection, "SELECT IS_USED_LOCK(?) IS NOT NULL", name).get(0);
				}
			});
		assertThat(during).isEqualTo("1");
		try (Connection connection = connect()) {
			assertThat(column(connection, "SELECT IS_USED_LOCK(?) IS NOT NULL", name)).containsExactly("0");
		}
	}

}
