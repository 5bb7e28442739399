package dev.migrations.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import dev.migrations.benchmarks.harness.Result;
import dev.migrations.test.MigrationsTester;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

/**
 * The test kit on a linear revision set of its own (each revision a table with a key, a foreign key to the one
 * before and an index; the benchmark's generated workloads seed rows with identity keys, which a downgrade and
 * upgrade again renumber, so their stairway stops at the first seed that refers to them), on the PostgreSQL server the kit finds for tests
 * ({@code MIGRATIONS_TEST_POSTGRES_URL}, else {@code 127.0.0.1:5432}): the whole stairway (each revision upgraded,
 * downgraded and upgraded again on one database, its catalog compared after each step, so no database is copied),
 * and a new database at head with the template cache on (a copy; the template is built in the warm-up) and off (the
 * scripts replayed).
 */
final class KitCases {

	/** The size: a 200-revision linear set. */
	static final int SIZE = 200;

	static final String CACHE_ON = "template cache on";

	static final String CACHE_OFF = "template cache off";

	private KitCases() {
	}

	/** Writes a set of {@code size} revisions into {@code directory} and returns it. */
	static Path writeLinearSet(Path directory, int size) throws IOException {
		Files.createDirectories(directory);
		for (int i = 1; i <= size; i++) {
			String table = String.format(Locale.ROOT, "kit_%03d", i);
			String reference = (i == 1) ? ""
					: String.format(Locale.ROOT, ",\n\tprevious_id bigint REFERENCES kit_%03d (id)", i - 1);
			String script = String.format(Locale.ROOT, """
					-- Revision ID: %s
					-- Revises: %s
					-- Message: create %s

					-- migrate:upgrade
					CREATE TABLE %s (
					\tid bigint PRIMARY KEY,
					\tname varchar(100) NOT NULL DEFAULT ''%s
					);
					CREATE INDEX %s_name_idx ON %s (name);

					-- migrate:downgrade
					DROP TABLE %s;
					""", id(i), (i == 1) ? "" : id(i - 1), table, table, reference, table, table, table);
			Files.writeString(directory.resolve(String.format(Locale.ROOT, "%04d_%s.sql", i, table)), script);
		}
		return directory;
	}

	private static String id(int number) {
		return String.format(Locale.ROOT, "%012x", 0xa000_0000_0000L + number);
	}

	/** The cases on a set of {@code size} revisions. */
	static List<Result> measure(Path scripts, int size, int warmups, int runs) {
		String location = "filesystem:" + scripts;
		List<Result> results = new ArrayList<>();
		MigrationsTester tester = MigrationsTester.of(TestDatabases.postgres(), location);
		results.add(new Result(BenchmarkCase.KIT_STAIRWAY.key(size), "migrations", Result.Unit.NANOS,
				List.of(nanos(tester::checkStairway)), List.of()));
		results.add(atHead(CACHE_ON, tester, size, warmups, runs));
		results.add(atHead(CACHE_OFF, MigrationsTester.of(TestDatabases.postgres().templateCache(false), location),
				size, warmups, runs));
		return results;
	}

	private static Result atHead(String contender, MigrationsTester tester, int size, int warmups, int runs) {
		List<Long> values = new ArrayList<>();
		for (int i = 0; i < warmups + runs; i++) {
			long start = System.nanoTime();
			TestDatabase database = tester.databaseAtHeads();
			long took = System.nanoTime() - start;
			database.close();
			if (i >= warmups) {
				values.add(took);
			}
		}
		return new Result(BenchmarkCase.KIT_AT_HEAD.key(size), contender, Result.Unit.NANOS, values, List.of());
	}

	private static long nanos(Supplier<?> work) {
		long start = System.nanoTime();
		work.get();
		return System.nanoTime() - start;
	}

}
