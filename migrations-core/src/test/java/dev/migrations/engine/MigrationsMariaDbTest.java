package dev.migrations.engine;

import org.junit.jupiter.api.Test;

import dev.migrations.Migrations;
import dev.migrations.config.TransactionMode;
import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.execute.SqlExecutionException;
import dev.migrations.sql.SqlSyntax;
import dev.migrations.testing.MariaDbDatabase;
import dev.migrations.testing.ServerDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The facade on real MariaDB: the bad inputs of {@link MigrationsOnServerTest}, and where MariaDB differs from
 * PostgreSQL because it commits DDL at once. These deviations are asserted here, not skipped: a revision that fails
 * halfway keeps the table it created and its failure says so, and transaction mode {@code single} is refused before
 * anything runs.
 */
class MigrationsMariaDbTest extends MigrationsOnServerTest {

	@Override
	ServerDatabase createDatabase() {
		return MariaDbDatabase.create("engine");
	}

	@Override
	String currentSchemaExpression() {
		return "DATABASE()";
	}

	@Override
	String offlineDialect() {
		return "mariadb";
	}

	@Override
	SqlSyntax syntax() {
		return SqlSyntax.MARIADB;
	}

	/**
	 * PostgreSQL's twin rolls the revision back whole. Here the table the revision created stays, and so does the row
	 * it inserted: the failing {@code ALTER TABLE} commits the open transaction before it fails. The failure names both.
	 */
	@Test
	void aRevisionThatFailsHalfwayKeepsTheTableItCreatedAndSaysSo() {
		this.scripts.revision("1_accounts.sql", "r1", null, "CREATE TABLE accounts (id int primary key);",
				"DROP TABLE accounts;")
			.revision("2_broken.sql", "r2", "r1",
					"CREATE TABLE audit (id int);\nINSERT INTO audit VALUES (1);\nALTER TABLE nope ADD COLUMN x int;",
					"DROP TABLE audit;");
		String file = migrations().show("r2").get(0).location();
		assertThatThrownBy(() -> migrations().upgrade("head")).isInstanceOf(SqlExecutionException.class)
			.hasMessageStartingWith(file + ":8: ")
			.hasMessageContaining("ALTER TABLE nope ADD COLUMN x int")
			.hasMessageContaining("nope' doesn't exist")
			.hasMessageEndingWith("NOT rolled back: the statements at " + file + ":6 and " + file + ":7 had run and"
					+ " stay applied (mariadb commits DDL at once)");
		assertThat(rows()).containsExactly("r1");
		assertThat(tableExists("accounts")).isTrue();
		assertThat(tableExists("audit")).isTrue();
		assertThat(query("SELECT count(*) FROM audit")).as("the insert, committed by the failing ALTER TABLE")
			.containsExactly("1");
		assertThat(query("SELECT CONCAT(revision, ':', operation, ':', success) FROM migrations_history ORDER BY id"))
			.containsExactly("r1:upgrade:1", "r2:upgrade:0");
	}

	/** PostgreSQL's twin rolls the whole run back; MariaDB cannot, so the run is refused before it starts. */
	@Test
	void singleTransactionModeIsRefusedBeforeAnythingRuns() {
		this.scripts.revision("1_a.sql", "r1", null, "CREATE TABLE a (id int);", "DROP TABLE a;")
			.revision("2_b.sql", "r2", "r1", "CREATE TABLE b (id int);\nSELECT 1/0;", "DROP TABLE b;");
		Migrations single = new Migrations(this.scripts.config().transactionMode(TransactionMode.SINGLE).build(),
				this.dataSource);
		assertThatThrownBy(() -> single.upgrade("head")).isInstanceOf(MigrationsException.class)
			.hasMessage("Transaction mode 'single' needs transactional DDL, which mariadb does not have")
			.satisfies((ex) -> assertThat(((MigrationsException) ex).kind()).isEqualTo(ErrorKind.CONFIG))
			.satisfies((ex) -> assertThat(((MigrationsException) ex).hint())
				.isEqualTo("Use transaction mode 'per-revision' (the default) on mariadb"));
		assertThat(rows()).isEmpty();
		assertThat(tableExists("a")).isFalse();
		assertThat(migrations().upgrade("head").after()).containsExactly("r2");
	}

}
