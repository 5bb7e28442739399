package dev.migrations.dialect;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.RepeatedTest;

import dev.migrations.lock.MigrationLock;
import dev.migrations.testing.H2Database;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs that all start on a database without the lock table, and whose work runs DDL: they must still take the
 * lock one at a time (a lock table created by {@code CREATE TABLE ... AS SELECT} raced here).
 */
class H2RowLockTest {

	@RepeatedTest(20)
	void firstRunsAtOnceWithDdlInTheirWorkNeverOverlap() throws Exception {
		try (H2Database h2 = H2Database.create("first_runs", H2Database.Mode.DEFAULT)) {
			MigrationLock lock = Dialects.named("h2").lock(null, "migrations_version");
			AtomicInteger inside = new AtomicInteger();
			AtomicInteger most = new AtomicInteger();
			AtomicInteger tables = new AtomicInteger();
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService pool = Executors.newFixedThreadPool(8);
			try {
				List<Future<Object>> runs = new ArrayList<>();
				for (int i = 0; i < 8; i++) {
					runs.add(pool.submit(() -> {
						start.await();
						return lock.withLock(h2.dataSource(), Duration.ofSeconds(30), () -> {
							most.accumulateAndGet(inside.incrementAndGet(), Math::max);
							try (Connection connection = h2.connect(); Statement statement = connection.createStatement()) {
								statement.execute("CREATE TABLE t" + tables.incrementAndGet() + " (id int)");
								Thread.sleep(10);
							}
							inside.decrementAndGet();
							return null;
						});
					}));
				}
				start.countDown();
				for (Future<Object> run : runs) {
					run.get(60, TimeUnit.SECONDS);
				}
			}
			finally {
				pool.shutdownNow();
			}
			assertThat(most.get()).isEqualTo(1);
		}
	}

}
