package dev.migrations.settings;

import dev.migrations.error.MigrationsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DatabaseUrlTest {

	@Test
	void postgresqlUrlOfTheAlembicGuidesBecomesJdbcWithItsCredentials() {
		DatabaseUrl url = DatabaseUrl.parse("postgresql://temporal:temporal@localhost:5432/the_assistant");
		assertThat(url.jdbcUrl())
			.isEqualTo("jdbc:postgresql://localhost:5432/the_assistant?connectTimeout=5&loginTimeout=10");
		assertThat(url.user()).isEqualTo("temporal");
		assertThat(url.password()).isEqualTo("temporal");
		assertThat(url.hostAndPort()).isEqualTo("localhost:5432");
	}

	@Test
	void postgresSchemeAndSqlalchemyDriverSuffixesAreAccepted() {
		assertThat(DatabaseUrl.parse("postgres://u@db/app").jdbcUrl()).startsWith("jdbc:postgresql://db/app?");
		assertThat(DatabaseUrl.parse("postgresql+psycopg2://u:p@db:6543/app").jdbcUrl())
			.startsWith("jdbc:postgresql://db:6543/app?");
		assertThat(DatabaseUrl.parse("postgresql+asyncpg://contextiq:password@localhost:5432/contextiq").user())
			.isEqualTo("contextiq");
	}

	@Test
	void percentEncodedPasswordIsDecoded() {
		DatabaseUrl url = DatabaseUrl.parse("postgresql://app:p%40ss%3Aw+rd@localhost/app");
		assertThat(url.password()).isEqualTo("p@ss:w+rd");
		assertThat(url.jdbcUrl()).doesNotContain("p%40ss");
	}

	@Test
	void queryParametersAreKeptAndPortDefaultsTo5432() {
		DatabaseUrl url = DatabaseUrl.parse("postgresql://app@db.example.com/app?sslmode=require");
		assertThat(url.jdbcUrl())
			.isEqualTo("jdbc:postgresql://db.example.com/app?sslmode=require&connectTimeout=5&loginTimeout=10");
		assertThat(url.hostAndPort()).isEqualTo("db.example.com:5432");
		assertThat(url.password()).isNull();
	}

	@Test
	void jdbcUrlKeepsTimeoutsItAlreadySets() {
		DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://127.0.0.1:5999/app?connectTimeout=2");
		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5999/app?connectTimeout=2&loginTimeout=10");
		assertThat(url.hostAndPort()).isEqualTo("127.0.0.1:5999");
		assertThat(url.user()).isNull();
	}

	@Test
	void embeddedH2HasNoServer() {
		DatabaseUrl url = DatabaseUrl.parse("jdbc:h2:mem:test;MODE=PostgreSQL");
		assertThat(url.jdbcUrl()).isEqualTo("jdbc:h2:mem:test;MODE=PostgreSQL");
		assertThat(url.isServer()).isFalse();
		assertThat(DatabaseUrl.parse("jdbc:h2:tcp://dbhost/~/app").hostAndPort()).isEqualTo("dbhost:9092");
	}

	@Test
	void toStringLeavesOutTheQuery() {
		assertThat(DatabaseUrl.parse("jdbc:postgresql://h/app?password=secret")).hasToString("jdbc:postgresql://h/app");
	}

	@Test
	void otherSchemesAreRefusedWithoutEchoingTheUrl() {
		assertThatExceptionOfType(MigrationsException.class)
			.isThrownBy(() -> DatabaseUrl.parse("mysql+pymysql://root:secret@localhost/app"))
			.withMessage("Unsupported database URL scheme 'mysql+pymysql'")
			.satisfies((ex) -> assertThat(ex.hint()).contains("jdbc:postgresql://"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql://postgres:pa%ss@127.0.0.1:5432/db",
			"postgresql://postgres:p@ss@127.0.0.1:5432/db", "postgresql://postgres:p@ss:w/rd@127.0.0.1:5432/db",
			"postgresql://postgres:pa/ss@127.0.0.1:5432/db", "postgresql://postgres:pa?ss@127.0.0.1:5432/db",
			"postgresql://postgres:%zzss@127.0.0.1/db" })
	void passwordWithUnencodedSpecialCharactersIsMalformedWithoutEchoingIt(String url) {
		assertThatExceptionOfType(MigrationsException.class).isThrownBy(() -> DatabaseUrl.parse(url, "DATABASE_URL"))
			.withMessage("Malformed database URL in DATABASE_URL: special characters in the user name or password"
					+ " must be percent-encoded")
			.satisfies((ex) -> assertThat(ex.hint()).isEqualTo("Write @ as %40, / as %2F, : as %3A, ? as %3F, # as"
					+ " %23 and % as %25: p@ss/w:rd is written p%40ss%2Fw%3Ard"));
	}

	@Test
	void hostListsAndIpv6AreNotMalformed() {
		assertThat(DatabaseUrl.parse("postgresql://u:p@h1:5432,h2:5433/app").jdbcUrl())
			.startsWith("jdbc:postgresql://h1:5432,h2:5433/app?");
		assertThat(DatabaseUrl.parse("postgresql://u:p@[::1]:5432/app").password()).isEqualTo("p");
		assertThat(DatabaseUrl.parse("postgresql://u:p@h/app?options=a@b").password()).isEqualTo("p");
	}

	@Test
	void shownUrlMasksAnH2Password() {
		assertThat(DatabaseUrl.parse("jdbc:h2:file:./db;USER=sa;PASSWORD=topsecret"))
			.hasToString("jdbc:h2:file:./db;USER=sa;PASSWORD=****");
	}

}
