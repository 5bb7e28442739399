package dev.migrations.execute;

import org.junit.jupiter.api.Test;

import dev.migrations.DriverManagerDataSource;
import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A URL that no driver on the class path accepts: a configuration error naming the scheme, never a connection one. */
class MissingDriverTest {

	@Test
	void anUnknownSchemeIsNamedWithoutTheRestOfTheUrl() {
		assertThatThrownBy(() -> new DriverManagerDataSource("jdbc:nosuchdb://user:secret@x/db", null, null).getConnection())
			.isInstanceOfSatisfying(MigrationsException.class, (ex) -> assertThat(ex.kind()).isEqualTo(ErrorKind.CONFIG))
			.hasMessage("No JDBC driver on the class path accepts 'jdbc:nosuchdb:' URLs")
			.hasMessageNotContaining("secret")
			.extracting((ex) -> ((MigrationsException) ex).hint())
			.asString()
			.startsWith("Add the JDBC driver for 'nosuchdb' to the class path, or fix the URL");
	}

	@Test
	void aSupportedDatabaseNamesItsDriversCoordinates() {
		assertThatThrownBy(() -> new DriverManagerDataSource("jdbc:mysql://127.0.0.1:3306/app", "root", null).getConnection())
			.isInstanceOf(MigrationsException.class)
			.hasMessage("No JDBC driver on the class path accepts 'jdbc:mysql:' URLs")
			.extracting((ex) -> ((MigrationsException) ex).hint())
			.asString()
			.contains("com.mysql:mysql-connector-j");
	}

	@Test
	void textThatIsNoJdbcUrlSaysSo() {
		assertThatThrownBy(() -> new DriverManagerDataSource("postgres://x/db", null, null).getConnection())
			.isInstanceOf(MigrationsException.class)
			.hasMessage("Not a JDBC URL: the URL does not start with 'jdbc:<database>:'");
	}

}
