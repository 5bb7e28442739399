package dev.migrations.engine;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;

import dev.migrations.Migrations;
import dev.migrations.config.TransactionMode;
import dev.migrations.error.MigrationsException;
import dev.migrations.execute.SqlExecutionException;
import dev.migrations.sql.SqlSyntax;
import dev.migrations.testing.PostgresDatabase;
import dev.migrations.testing.ServerDatabase;

import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The facade on real PostgreSQL: the bad inputs of {@link MigrationsOnServerTest}, and a failed revision rolled back
 * whole (transactional DDL), so the database stays at the last good revision.
 */
class MigrationsPostgresTest extends MigrationsOnServerTest {

	@Override
	ServerDatabase createDatabase() {
		return PostgresDatabase.create("engine");
	}

	@Override
	String currentSchemaExpression() {
		return "current_schema()";
	}

	@Override
	String offlineDialect() {
		return null;
	}

	@Override
	SqlSyntax syntax() {
		return SqlSyntax.POSTGRESQL;
	}

	@Test
	void aRevisionThatFailsHalfwayLeavesTheDatabaseAtTheLastGoodRevision() {
		this.scripts.revision("1_accounts.sql", "r1", null, "CREATE TABLE accounts (id int primary key);",
				"DROP TABLE accounts;")
			.revision("2_broken.sql", "r2", "r1",
					"CREATE TABLE audit (id int);\nINSERT INTO audit VALUES (1);\nALTER TABLE nope ADD COLUMN x int;",
					"DROP TABLE audit;");
		assertThatThrownBy(() -> migrations().upgrade("head")).isInstanceOf(SqlExecutionException.class)
			.hasMessageContaining("2_broken.sql:8")
			.hasMessageContaining("ALTER TABLE nope ADD COLUMN x int")
			.hasMessageContaining("\"nope\" does not exist");
		assertThat(rows()).containsExactly("r1");
		assertThat(tableExists("accounts")).isTrue();
		assertThat(tableExists("audit")).isFalse();
		assertThat(query("SELECT revision || ':' || operation || ':' || success FROM migrations_history ORDER BY id"))
			.containsExactly("r1:upgrade:true", "r2:upgrade:false");
	}

	@Test
	void aStatementThatCannotRunInATransactionHintsAtTransactionalFalse() {
		this.scripts.revision("1_t.sql", "r1", null, "CREATE TABLE t (id int);", "DROP TABLE t;")
			.revision("2_index.sql", "r2", "r1", "CREATE INDEX CONCURRENTLY t_id ON t (id);", "DROP INDEX t_id;");
		assertThatThrownBy(() -> migrations().upgrade("head")).isInstanceOf(SqlExecutionException.class)
			.hasMessageContaining("2_index.sql")
			.satisfies((ex) -> assertThat(((MigrationsException) ex).hint()).contains("-- Transactional: false"));
		assertThat(rows()).containsExactly("r1");
		this.scripts.write("2_index.sql", """
				-- Revision ID: r2
				-- Revises: r1
				-- Transactional: false

				-- migrate:upgrade
				CREATE INDEX CONCURRENTLY t_id ON t (id);

				-- migrate:downgrade
				DROP INDEX CONCURRENTLY t_id;
				""");
		assertThat(migrations().upgrade("head").after()).containsExactly("r2");
		assertThat(query("SELECT indexname FROM pg_indexes WHERE indexname = 't_id'")).containsExactly("t_id");
		assertThat(migrations().downgrade("r1").after()).containsExactly("r1");
	}

	@Test
	void singleTransactionModeRollsBackTheWholeRun() {
		this.scripts.revision("1_a.sql", "r1", null, "CREATE TABLE a (id int);", "DROP TABLE a;")
			.revision("2_b.sql", "r2", "r1", "CREATE TABLE b (id int);\nSELECT 1/0;", "DROP TABLE b;");
		Migrations single = new Migrations(this.scripts.config().transactionMode(TransactionMode.SINGLE).build(),
				this.dataSource);
		assertThatThrownBy(() -> single.upgrade("head")).isInstanceOf(SqlExecutionException.class)
			.hasMessageContaining("division by zero");
		assertThat(rows()).isEmpty();
		assertThat(tableExists("a")).isFalse();
	}

	@Test
	void aLongRevisionLogsItsEndWithItsTime() {
		this.scripts.revision("1_slow.sql", "r1", null, "SELECT pg_sleep(1.1);", "");
		this.scripts.revision("2_fast.sql", "r2", "r1", "SELECT 1;", "");
		Logger executorLogger = (Logger) LoggerFactory.getLogger("dev.migrations.execute.MigrationExecutor");
		Level level = executorLogger.getLevel();
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		executorLogger.addAppender(appender);
		executorLogger.setLevel(Level.INFO);
		try {
			migrations().upgrade("head");
		}
		finally {
			executorLogger.detachAppender(appender);
			executorLogger.setLevel(level);
		}
		List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
		assertThat(lines).hasSize(3);
		assertThat(lines.get(0)).startsWith("Running upgrade  -> r1");
		assertThat(lines.get(1)).matches("Finished upgrade  -> r1, .* in 1[0-9]{3} ms");
		assertThat(lines.get(2)).startsWith("Running upgrade r1 -> r2");
	}

}
