package dev.migrations.dialect;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DialectsTest {

	@Test
	void picksTheDialectForAJdbcUrl() {
		assertThat(Dialects.forJdbcUrl("jdbc:postgresql://db:5432/app")).isInstanceOf(PostgresDialect.class);
		assertThat(Dialects.forJdbcUrl("jdbc:h2:mem:test;MODE=PostgreSQL")).isInstanceOf(H2Dialect.class);
		assertThat(Dialects.forJdbcUrl("jdbc:mariadb://db:3306/app")).isInstanceOf(MariaDbDialect.class);
		assertThat(Dialects.forJdbcUrl("JDBC:MySQL://db:3306/app")).isInstanceOf(MariaDbDialect.class);
	}

	@Test
	void anUnsupportedJdbcUrlIsAConfigurationErrorThatDoesNotRepeatTheUrl() {
		assertThatExceptionOfType(MigrationsException.class)
			.isThrownBy(() -> Dialects.forJdbcUrl("jdbc:oracle:thin:scott/tiger@db:1521:orcl"))
			.withMessage("Unsupported database in JDBC URL 'jdbc:oracle:...'")
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ErrorKind.CONFIG))
			.satisfies((ex) -> assertThat(ex.hint()).contains("PostgreSQL, H2, MariaDB/MySQL"));
		assertThatExceptionOfType(MigrationsException.class)
			.isThrownBy(() -> Dialects.forJdbcUrl("postgresql://user:secret@db/app"))
			.withMessage("Not a JDBC URL: the URL does not start with 'jdbc:<database>:'");
	}

	@Test
	void picksTheDialectByName() {
		assertThat(Dialects.named("postgresql")).isInstanceOf(PostgresDialect.class);
		assertThat(Dialects.named("H2")).isInstanceOf(H2Dialect.class);
		assertThat(Dialects.named("mariadb")).isInstanceOf(MariaDbDialect.class);
		assertThatExceptionOfType(MigrationsException.class).isThrownBy(() -> Dialects.named("oracle"))
			.withMessage("Unknown dialect 'oracle'")
			.satisfies((ex) -> assertThat(ex.hint()).isEqualTo("Name one of: postgresql, h2, mariadb"));
	}

	@Test
	void anUnsupportedProductIsAConfigurationErrorNamingIt() {
		assertThat(Dialects.forProductName("MySQL")).isInstanceOf(MariaDbDialect.class);
		assertThatExceptionOfType(MigrationsException.class).isThrownBy(() -> Dialects.forProductName("Oracle"))
			.withMessage("Unsupported database 'Oracle'")
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ErrorKind.CONFIG))
			.satisfies((ex) -> assertThat(ex.hint())
				.isEqualTo("Use one of the supported databases: PostgreSQL, H2, MariaDB/MySQL"));
	}

	@Test
	void onlyPostgresqlHasTransactionalDdl() {
		assertThat(new PostgresDialect().supportsTransactionalDdl()).isTrue();
		assertThat(new H2Dialect().supportsTransactionalDdl()).isFalse();
		assertThat(new MariaDbDialect().supportsTransactionalDdl()).isFalse();
	}

	@Test
	void stringLiteralsEscapeQuotesAndBackslashes() {
		assertThat(new PostgresDialect().stringLiteral("it's")).isEqualTo("'it''s'");
		assertThat(new PostgresDialect().stringLiteral("a\\b")).isEqualTo("E'a\\\\b'");
		assertThat(new H2Dialect().stringLiteral("it's a\\b")).isEqualTo("'it''s a\\b'");
		assertThat(new MariaDbDialect().stringLiteral("it's a\\b")).isEqualTo("'it''s a\\\\b'");
	}

}
