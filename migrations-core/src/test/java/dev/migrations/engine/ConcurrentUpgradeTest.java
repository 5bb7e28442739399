package dev.migrations.engine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.migrations.testing.H2Database;
import dev.migrations.testing.Server;
import dev.migrations.testing.ServerDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runners started at once on one empty database: the lock lets one apply each revision exactly once, and every
 * runner ends at head. Threads with their own connections, and separate JVM processes, on PostgreSQL and MariaDB.
 */
class ConcurrentUpgradeTest {

	private static final int REVISIONS = 12;

	@TempDir
	Path directory;

	private ServerDatabase database;

	private ScriptDirectory scripts;

	private void open(Server server) {
		this.database = server.create("concurrent");
		this.scripts = new ScriptDirectory(this.directory);
		String previous = null;
		for (int i = 1; i <= REVISIONS; i++) {
			String id = String.format("rev%03d", i);
			this.scripts.revision(String.format("%03d_t.sql", i), id, previous,
					"CREATE TABLE t" + i + " (id int);\nINSERT INTO t" + i + " VALUES (" + i + ");\n" + server.sleep(0.01),
					"DROP TABLE t" + i + ";");
			previous = id;
		}
	}

	@AfterEach
	void tearDown() {
		if (this.database != null) {
			this.database.close();
		}
	}

	@ParameterizedTest
	@EnumSource(Server.class)
	void eightThreadsApplyEachRevisionOnceAndAllEndAtHead(Server server) throws Exception {
		open(server);
		List<List<String>> results = runAtOnce(8, () -> this.scripts.migrations(this.database.dataSource())
			.upgrade("head")
			.after());
		assertThat(results).allSatisfy((rows) -> assertThat(rows).containsExactly("rev012"));
		assertAppliedOnce();
	}

	@Test
	void eightThreadsOnH2ApplyEachRevisionOnce() throws Exception {
		ScriptDirectory h2Scripts = new ScriptDirectory(this.directory);
		String previous = null;
		for (int i = 1; i <= REVISIONS; i++) {
			String id = String.format("rev%03d", i);
			h2Scripts.revision(String.format("%03d_t.sql", i), id, previous, "CREATE TABLE t" + i + " (id int);",
					"DROP TABLE t" + i + ";");
			previous = id;
		}
		try (H2Database h2 = H2Database.create("concurrent", H2Database.Mode.DEFAULT)) {
			List<List<String>> results = runAtOnce(8, () -> h2Scripts.migrations(h2.dataSource()).upgrade("head").after());
			assertThat(results).allSatisfy((rows) -> assertThat(rows).containsExactly("rev012"));
			assertThat(count(h2.dataSource().getConnection(),
					"SELECT count(*) FROM migrations_history WHERE operation = 'upgrade' AND success")).isEqualTo(REVISIONS);
		}
	}

	@ParameterizedTest
	@EnumSource(Server.class)
	void threeProcessesApplyEachRevisionOnceAndAllEndAtHead(Server server) throws Exception {
		open(server);
		List<Process> processes = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
					UpgradeProcess.class.getName(), this.scripts.path().toString(), this.database.jdbcUrl(),
					this.database.user()));
			if (this.database.password() != null) {
				command.add(this.database.password());
			}
			processes.add(new ProcessBuilder(command).redirectErrorStream(true).start());
		}
		for (Process process : processes) {
			assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.exitValue()).as(output).isZero();
			assertThat(output.strip().lines().reduce((first, second) -> second).orElse("")).isEqualTo("rev012");
		}
		assertAppliedOnce();
	}

	private void assertAppliedOnce() throws SQLException {
		assertThat(count(this.database.connect(),
				"SELECT count(*) FROM migrations_history WHERE operation = 'upgrade' AND success"))
			.isEqualTo(REVISIONS);
		assertThat(count(this.database.connect(), "SELECT count(DISTINCT revision) FROM migrations_history"))
			.isEqualTo(REVISIONS);
		assertThat(count(this.database.connect(), "SELECT count(*) FROM t12")).isEqualTo(1);
	}

	private static int count(Connection connection, String sql) throws SQLException {
		try (connection; Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getInt(1);
		}
	}

	private static <T> List<T> runAtOnce(int runners, Callable<T> work) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(runners);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < runners; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return work.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(120, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
