package dev.migrations.dialect;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

import org.h2.util.ParserUtil;
import org.junit.jupiter.api.Test;

import dev.migrations.state.VersionTable;
import dev.migrations.testing.H2Database;

import static org.assertj.core.api.Assertions.assertThat;

class H2DialectTest extends DialectContractTest {

	private H2Database database;

	H2Database.Mode mode() {
		return H2Database.Mode.DEFAULT;
	}

	/** How the mode stores an unquoted {@code migrations_version}. */
	String storedVersionTableName() {
		return "MIGRATIONS_VERSION";
	}

	@Override
	DataSource createDatabase() {
		this.database = H2Database.create("dialect", mode());
		return this.database.dataSource();
	}

	@Override
	void dropDatabase() {
		this.database.close();
	}

	@Override
	Class<? extends Dialect> expectedDialect() {
		return H2Dialect.class;
	}

	@Override
	String sessionTimeoutsSql() {
		return "SELECT LOCK_TIMEOUT() || '|' || (SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
				+ "WHERE SETTING_NAME = 'QUERY_TIMEOUT')";
	}

	@Override
	String sessionTimeZoneSql() {
		return "SET TIME ZONE 'Asia/Kolkata'";
	}

	@Test
	void theVersionTableIsStoredAsTheModeStoresUnquotedNames() throws SQLException {
		VersionTable table = new VersionTable(dialect(), null, "migrations_version");
		try (Connection connection = connect()) {
			table.createIfMissing(connection);
			assertThat(column(connection, "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
					+ "WHERE UPPER(TABLE_NAME) = 'MIGRATIONS_VERSION'")).containsExactly(storedVersionTableName());
			assertThat(column(connection, "SELECT COUNT(*) FROM " + storedVersionTableName())).containsExactly("0");
		}
	}

	@Test
	void quotesEveryKeywordOfH2sParser() throws IllegalAccessException {
		Set<String> notKeywords = Set.of("KEYWORD", "IDENTIFIER", "FIRST_KEYWORD", "LAST_KEYWORD");
		List<String> keywords = Arrays.stream(ParserUtil.class.getFields())
			.filter((field) -> Modifier.isStatic(field.getModifiers()) && field.getType() == int.class)
			.map(Field::getName)
			.filter((name) -> !notKeywords.contains(name))
			.toList();
		assertThat(keywords).contains("SELECT", "VALUE", "_ROWID_");
		for (String keyword : keywords) {
			assertThat(ParserUtil.isKeyword(keyword, false)).as(keyword).isTrue();
			assertThat(dialect().quote(keyword)).as(keyword).isEqualTo("\"" + keyword + "\"");
			String lowerCase = keyword.toLowerCase(Locale.ROOT);
			assertThat(dialect().quote(lowerCase)).as(lowerCase).isEqualTo("\"" + lowerCase + "\"");
		}
	}

	@Test
	void mixedCaseNamesAreQuotedSoTheyKeepTheirCase() {
		assertThat(dialect().quote("MigrationsVersion")).isEqualTo("\"MigrationsVersion\"");
		assertThat(dialect().quote("MIGRATIONS_VERSION")).isEqualTo("MIGRATIONS_VERSION");
		assertThat(dialect().quote("say\"cheese")).isEqualTo("\"say\"\"cheese\"");
	}

	@Test
	void theLockIsARowOfALockTableNextToTheVersionTable() throws SQLException {
		String schema = schemaName(unique("locked_schema"));
		dialect().lock(schema, "migrations_version").withLock(dataSource(), Duration.ofSeconds(5), () -> null);
		try (Connection connection = connect()) {
			assertThat(dialect().tableExists(connection, schema, "migrations_version_lock")).isTrue();
			assertThat(column(connection, "SELECT id FROM " + schema + ".migrations_version_lock")).containsExactly("1");
		}
	}

}
