package dev.migrations.benchmarks;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.migrations.benchmarks.harness.Harness;
import dev.migrations.benchmarks.harness.Postgres;
import dev.migrations.benchmarks.harness.Postgres.Database;
import dev.migrations.benchmarks.harness.Result;
import dev.migrations.jpa.EntityClasses;
import dev.migrations.jpa.EntitySchema;
import dev.migrations.jpa.ScratchDatabase;
import dev.migrations.schema.Catalog;
import dev.migrations.schema.CatalogReaders;
import dev.migrations.schema.DdlWriter;
import dev.migrations.schema.SchemaDiff;
import dev.migrations.schema.TableFilter;

/**
 * A child JVM's main for the autogenerate case: the entities of a generated model ({@link EntityModel}) compared
 * with a PostgreSQL schema of as many tables, as {@code migrations:revision} and {@code migrations:check} compare
 * them: scan the compiled classes for entities, build their catalog from Hibernate's mapping (probing a scratch
 * schema for what the database decides), read the database's catalog, compare the two and write the SQL of both
 * directions. The database is the model's own schema (Hibernate creates it once, untimed) with five differences
 * made by hand, so the diff has work to do. Measured warm in this JVM; prints {@link Result} lines, and a {@code CHANGES} line with what the diff found.
 *
 * <p>Arguments: {@code entities work-dir warmups runs}. Its class path is the benchmark's plus Hibernate's.
 */
public final class AutogenerateCases {

	static final String CHANGES = "CHANGES\t";

	private AutogenerateCases() {
	}

	/** The time of each part of one comparison. */
	private record Parts(List<Long> model, List<Long> database, List<Long> diff) {
	}

	public static void main(String[] args) throws Exception {
		int count = Integer.parseInt(args[0]);
		if (count < 5) {
			throw new IllegalArgumentException("bench.autogenerate.entities: at least 5, for the five differences");
		}
		Path classes = EntityModel.compile(count, Path.of(args[1]));
		int warmups = Integer.parseInt(args[2]);
		int runs = Integer.parseInt(args[3]);
		try (URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() },
				AutogenerateCases.class.getClassLoader())) {
			Database database = Postgres.create("bench_autogenerate");
			try {
				EntitySchema.create(EntityClasses.scan(classes, loader), Map.of(), loader, database.dataSource());
				makeDifferences(database, count);
				Parts parts = new Parts(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
				String name = "migrations";
				List<Harness.Sample> samples = Harness.measure(warmups, runs, () -> parts,
						(into) -> compare(classes, loader, database, into), (into) -> {
						});
				print(new Result(BenchmarkCase.AUTOGENERATE.key(count), name, Result.Unit.NANOS,
						samples.stream().map(Harness.Sample::nanos).toList(),
						samples.stream().map(Harness.Sample::allocatedBytes).toList()));
				print(new Result(BenchmarkCase.AUTOGENERATE_MODEL.key(count), name, Result.Unit.NANOS,
						lastRuns(parts.model(), runs), List.of()));
				print(new Result(BenchmarkCase.AUTOGENERATE_DATABASE.key(count), name, Result.Unit.NANOS,
						lastRuns(parts.database(), runs), List.of()));
				print(new Result(BenchmarkCase.AUTOGENERATE_DIFF.key(count), name, Result.Unit.NANOS,
						lastRuns(parts.diff(), runs), List.of()));
				SchemaDiff diff = compare(classes, loader, database, parts);
				System.out.println(CHANGES + diff.changes().size() + "\t" + String.join("; ", diff.descriptions()));
			}
			finally {
				database.drop();
			}
		}
	}

	/**
	 * The schema at head: the model's, less the note column of one table, an index and the last table, with a
	 * column the model does not have and a nullable column the model requires.
	 */
	private static void makeDifferences(Database database, int count) throws SQLException {
		try (Connection connection = database.dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("ALTER TABLE " + EntityModel.table(count / 5) + " DROP COLUMN note");
			statement.execute("ALTER TABLE " + EntityModel.table(2 * count / 5) + " ADD COLUMN legacy_code varchar(20)");
			statement.execute("ALTER TABLE " + EntityModel.table(3 * count / 5) + " ALTER COLUMN name DROP NOT NULL");
			statement.execute("DROP INDEX " + EntityModel.nameIndex(4 * count / 5));
			statement.execute("DROP TABLE " + EntityModel.table(count));
		}
	}

	/** One comparison, as the Maven plugin's goals make it, its parts timed into {@code parts}. */
	private static SchemaDiff compare(Path classes, ClassLoader loader, Database database, Parts parts)
			throws SQLException {
		long start = System.nanoTime();
		Catalog mapped;
		try (ScratchDatabase scratch = ScratchDatabase.create(database.url(), Postgres.user(), Postgres.password())) {
			mapped = EntitySchema.read(EntityClasses.scan(classes, loader), Map.of(), loader, scratch);
		}
		long modelDone = System.nanoTime();
		try (Connection connection = database.dataSource().getConnection()) {
			Catalog atHead = CatalogReaders.detect(connection).read(connection, null, TableFilter.all());
			long databaseDone = System.nanoTime();
			SchemaDiff diff = SchemaDiff.between(atHead, mapped);
			DdlWriter writer = DdlWriter.forConnection(connection);
			if (diff.isEmpty() || writer.upgrade(diff).isEmpty() || writer.downgrade(diff).isEmpty()) {
				throw new IllegalStateException("The model and the schema compared equal: the differences were lost");
			}
			long end = System.nanoTime();
			parts.model().add(modelDone - start);
			parts.database().add(databaseDone - modelDone);
			parts.diff().add(end - databaseDone);
			return diff;
		}
	}

	private static List<Long> lastRuns(List<Long> values, int runs) {
		return List.copyOf(values.subList(values.size() - runs, values.size()));
	}

	private static void print(Result result) {
		System.out.println(result.toLine());
	}

}
