package dev.migrations.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.migrations.testing.Server;
import dev.migrations.testing.ServerDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three {@code migrations upgrade head} processes of the built jar started at once on one empty database, as replicas
 * or pipelines do: each ends with exit 0 at head, and the lock lets each revision be applied once, on PostgreSQL and
 * on MariaDB.
 */
class CommandLineConcurrencyIT {

	private static final int REVISIONS = 12;

	@TempDir
	Path directory;

	@ParameterizedTest
	@EnumSource(Server.class)
	void threeProcessesApplyEachRevisionOnceAndAllEndAtHead(Server server) throws SQLException {
		Scripts scripts = new Scripts(this.directory.resolve("migrations"));
		for (int i = 1; i <= REVISIONS; i++) {
			String id = String.format("c%011d", i);
			String revises = (i == 1) ? "" : String.format("c%011d", i - 1);
			scripts.write(String.format("%03d_t.sql", i), Scripts.header(id, revises) + Scripts.upgrade(id)
					+ server.sleep(0.02) + "\n\n" + Scripts.downgrade(id));
		}
		try (ServerDatabase database = server.create("cli_concurrent")) {
			MigrationsJar migrations = MigrationsJar.in(this.directory).on(database);
			ExecutorService threads = Executors.newFixedThreadPool(3);
			try {
				List<CompletableFuture<MigrationsJar.Result>> runs = IntStream.range(0, 3)
					.mapToObj((i) -> CompletableFuture.supplyAsync(() -> migrations.run("upgrade", "head"), threads))
					.toList();
				for (CompletableFuture<MigrationsJar.Result> run : runs) {
					MigrationsJar.Result result = run.join();
					assertThat(result.exitCode()).as(result.toString()).isZero();
					assertThat(result.stderr()).as(result.toString()).doesNotContain("\tat ");
				}
			}
			finally {
				threads.shutdownNow();
			}
			assertThat(migrations.run("current").lines()).containsExactly(String.format("c%011d (head)", REVISIONS));
			assertThat(count(database, "SELECT count(*) FROM migrations_history WHERE operation = 'upgrade' AND success"))
				.isEqualTo(REVISIONS);
			assertThat(count(database, "SELECT count(DISTINCT revision) FROM migrations_history")).isEqualTo(REVISIONS);
		}
	}

	private static int count(ServerDatabase database, String sql) throws SQLException {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getInt(1);
		}
	}

}
