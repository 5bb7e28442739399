package dev.migrations.execute;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The SQLSTATEs and vendor codes of PostgreSQL, H2 and MariaDB, each with the class it belongs to. */
class SqlErrorClassTest {

	@ParameterizedTest(name = "{0} {1} ({3}) -> {2}")
	@CsvSource({ "42501, 0, INSUFFICIENT_PRIVILEGE, PostgreSQL", "90096, 90096, INSUFFICIENT_PRIVILEGE, H2",
			"42000, 1142, INSUFFICIENT_PRIVILEGE, MariaDB", "42000, 1044, INSUFFICIENT_PRIVILEGE, MariaDB",
			"25006, 0, READ_ONLY, PostgreSQL", "90097, 90097, READ_ONLY, H2", "HY000, 1290, READ_ONLY, MariaDB",
			"42P01, 0, UNDEFINED_TABLE, PostgreSQL", "42S02, 42102, UNDEFINED_TABLE, H2",
			"42S04, 42104, UNDEFINED_TABLE, H2", "42S02, 1146, UNDEFINED_TABLE, MariaDB",
			"42703, 0, UNDEFINED_COLUMN, PostgreSQL", "42S22, 42122, UNDEFINED_COLUMN, H2",
			"42S22, 1054, UNDEFINED_COLUMN, MariaDB", "42P07, 0, DUPLICATE_OBJECT, PostgreSQL",
			"42S01, 42101, DUPLICATE_OBJECT, H2", "42S01, 1050, DUPLICATE_OBJECT, MariaDB",
			"42601, 0, SYNTAX, PostgreSQL", "42001, 42001, SYNTAX, H2", "42000, 42000, SYNTAX, H2",
			"42000, 1064, SYNTAX, MariaDB", "23505, 0, INTEGRITY, PostgreSQL", "23502, 23502, INTEGRITY, H2",
			"23000, 1062, INTEGRITY, MariaDB", "55P03, 0, LOCK_TIMEOUT, PostgreSQL", "HYT00, 50200, LOCK_TIMEOUT, H2",
			"HY000, 1205, LOCK_TIMEOUT, MariaDB", "57014, 0, STATEMENT_TIMEOUT, PostgreSQL",
			"70100, 1969, STATEMENT_TIMEOUT, MariaDB", "40P01, 0, DEADLOCK, PostgreSQL", "40001, 40001, DEADLOCK, H2",
			"40001, 1213, DEADLOCK, MariaDB", "40001, 0, SERIALIZATION, PostgreSQL",
			"08001, 0, CONNECTION, PostgreSQL", "08006, 0, CONNECTION, PostgreSQL",
			"08S01, 0, CONNECTION, MariaDB", "57P01, 0, CONNECTION, PostgreSQL terminated or shut down",
			"57P02, 0, CONNECTION, PostgreSQL crashed", "57P03, 0, CONNECTION, PostgreSQL starting",
			"90067, 90067, CONNECTION, H2", "28P01, 0, AUTHENTICATION, PostgreSQL",
			"28000, 1045, AUTHENTICATION, MariaDB", "3D000, 0, UNDEFINED_DATABASE, PostgreSQL",
			"42000, 1049, UNDEFINED_DATABASE, MariaDB", "3F000, 0, UNDEFINED_SCHEMA, PostgreSQL",
			"90079, 90079, UNDEFINED_SCHEMA, H2" })
	void eachDatabaseErrorHasItsClass(String sqlState, int vendorCode, SqlErrorClass expected, String database) {
		assertThat(SqlErrorClass.of(new SQLException("failed", sqlState, vendorCode))).contains(expected);
	}

	@ParameterizedTest
	@CsvSource({ "22012, 0", "XX000, 0", "HY000, 1", "42000, 9999" })
	void otherErrorsHaveNoClassOfTheirOwn(String sqlState, int vendorCode) {
		assertThat(SqlErrorClass.of(new SQLException("failed", sqlState, vendorCode))).isEmpty();
	}

	@Test
	void noSqlStateHasNoClass() {
		assertThat(SqlErrorClass.of(new SQLException("failed"))).isEqualTo(Optional.empty());
	}

	@Test
	void aBatchIsJudgedByTheDatabasesOwnException() {
		BatchUpdateException batch = new BatchUpdateException("Batch entry 0 INSERT INTO migrations_version was"
				+ " aborted. Call getNextException to see other errors in the batch.", "42501", 0, new int[0]);
		SQLException denied = new SQLException("ERROR: permission denied for table migrations_version", "42501");
		batch.setNextException(denied);
		assertThat((Object) SqlErrorClass.innermost(batch)).isSameAs(denied);
		assertThat(SqlErrorClass.of(batch)).contains(SqlErrorClass.INSUFFICIENT_PRIVILEGE);
	}

	@Test
	void everyClassHasAHint() {
		for (SqlErrorClass kind : SqlErrorClass.values()) {
			assertThat(kind.hint()).as(kind.name()).isNotBlank().doesNotEndWith(".");
			assertThat(kind.stateTableHint()).as(kind.name()).isNotBlank();
		}
	}

}
