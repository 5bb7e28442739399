package dev.migrations.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import dev.migrations.Migrations;
import dev.migrations.benchmarks.harness.Postgres;
import dev.migrations.benchmarks.harness.Result;
import dev.migrations.config.MigrationsConfig;
import dev.migrations.graph.Target;
import dev.migrations.tenant.FailurePolicy;
import dev.migrations.tenant.TenantOptions;
import dev.migrations.tenant.TenantReport;
import dev.migrations.tenant.TenantRunner;

/**
 * Tenants on PostgreSQL: {@code bench.tenants} schemas upgraded through {@link #REVISIONS} revisions from empty, four
 * at once, and the no-op at head, warm; beside a plain-JDBC loop doing the same DDL with the same parallelism (create
 * the schema and a version table, run each pending script and record it, one transaction per revision; at head, read
 * each version table). Both take connections from one pool of their own, as an application's would.
 */
final class TenantCases {

	static final int REVISIONS = 20;

	static final int PARALLELISM = 4;

	static final String ENGINE = "migrations";

	static final String JDBC_FLOOR = "JDBC floor";

	private TenantCases() {
	}

	/** Writes the {@link #REVISIONS} revisions (a table with a key, a foreign key to the one before, an index). */
	static Path writeScripts(Path directory) throws IOException {
		Files.createDirectories(directory);
		for (int i = 1; i <= REVISIONS; i++) {
			Files.writeString(directory.resolve(String.format(Locale.ROOT, "%02d.sql", i)),
					"-- Revision ID: " + id(i) + "\n-- Revises: " + ((i > 1) ? id(i - 1) : "") + "\n-- Message: t" + i
							+ "\n\n-- migrate:upgrade\n" + upgrade(i));
		}
		return directory;
	}

	private static String upgrade(int i) {
		return "CREATE TABLE t" + i + " (id bigint PRIMARY KEY, name varchar(100) NOT NULL DEFAULT ''"
				+ ((i > 1) ? ", previous_id bigint REFERENCES t" + (i - 1) + " (id)" : "") + ");\nCREATE INDEX t" + i
				+ "_name_idx ON t" + i + " (name);\n";
	}

	private static String id(int number) {
		return String.format(Locale.ROOT, "%012x", 0xb000_0000_0000L + number);
	}

	/** Both contenders' apply from empty (one run each) and no-op at head (warm-ups, then the runs). */
	static List<Result> measure(Path scripts, int tenants, int warmups, int runs) throws Exception {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < tenants; i++) {
			ids.add(String.format(Locale.ROOT, "tenant_%04d", i));
		}
		List<Result> results = new ArrayList<>();
		for (boolean engine : List.of(true, false)) {
			Postgres.Database database = Postgres.create("bench_tenants_" + (engine ? "engine" : "jdbc"));
			try (HikariDataSource pool = pool(database.url())) {
				Contender contender = engine ? engine(scripts, pool) : jdbcFloor(pool);
				String name = engine ? ENGINE : JDBC_FLOOR;
				long start = System.nanoTime();
				contender.upgrade(ids);
				results.add(new Result(BenchmarkCase.TENANTS_APPLY.key(tenants), name, Result.Unit.NANOS,
						List.of(System.nanoTime() - start), List.of()));
				List<Long> noop = new ArrayList<>();
				for (int i = 0; i < warmups + runs; i++) {
					long started = System.nanoTime();
					contender.upgrade(ids);
					if (i >= warmups) {
						noop.add(System.nanoTime() - started);
					}
				}
				results.add(new Result(BenchmarkCase.TENANTS_NOOP.key(tenants), name, Result.Unit.NANOS, noop,
						List.of()));
			}
			finally {
				database.drop();
			}
		}
		return results;
	}

	@FunctionalInterface
	private interface Contender {

		void upgrade(List<String> tenants) throws Exception;

	}

	private static HikariDataSource pool(String url) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url);
		config.setUsername(Postgres.user());
		config.setPassword(Postgres.password());
		config.setMaximumPoolSize(2 * PARALLELISM);
		return new HikariDataSource(config);
	}

	private static Contender engine(Path scripts, HikariDataSource pool) {
		Migrations migrations = new Migrations(
				MigrationsConfig.builder().locations("filesystem:" + scripts).build(), pool);
		TenantRunner runner = migrations.tenants(migrations.tenantSchemas(),
				new TenantOptions(PARALLELISM, FailurePolicy.FAIL_FAST));
		return (tenants) -> {
			TenantReport report = runner.upgrade(tenants, Target.parse("head"));
			if (report.anyFailed()) {
				throw new IllegalStateException(report.summary() + ": " + report.tenants().get(0).line());
			}
		};
	}

	/** The least a tool must do per tenant: read its version, run what is pending, record each revision. */
	private static Contender jdbcFloor(HikariDataSource pool) {
		return (tenants) -> {
			ExecutorService threads = Executors.newFixedThreadPool(PARALLELISM);
			try {
				List<Future<?>> work = new ArrayList<>();
				for (String tenant : tenants) {
					work.add(threads.submit(() -> {
						upgradeByHand(pool, tenant);
						return null;
					}));
				}
				for (Future<?> each : work) {
					each.get();
				}
			}
			finally {
				threads.shutdownNow();
			}
		};
	}

	private static void upgradeByHand(HikariDataSource pool, String tenant) throws SQLException {
		try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
			int applied = 0;
			try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname = '" + tenant
					+ "'")) {
				rows.next();
				if (rows.getInt(1) == 1) {
					try (ResultSet version = statement.executeQuery("SELECT max(n) FROM " + tenant + ".version")) {
						version.next();
						applied = version.getInt(1);
					}
				}
			}
			if (applied == REVISIONS) {
				return;
			}
			statement.execute("CREATE SCHEMA IF NOT EXISTS " + tenant + "; SET search_path TO " + tenant
					+ "; CREATE TABLE IF NOT EXISTS version (n int PRIMARY KEY)");
			connection.setAutoCommit(false);
			for (int i = applied + 1; i <= REVISIONS; i++) {
				statement.execute(upgrade(i) + "INSERT INTO version VALUES (" + i + ")");
				connection.commit();
			}
			connection.setAutoCommit(true);
			statement.execute("RESET search_path");
		}
	}

}
