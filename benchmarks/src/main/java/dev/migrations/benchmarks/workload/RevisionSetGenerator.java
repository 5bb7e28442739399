package dev.migrations.benchmarks.workload;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Generates a deterministic set of revisions (the same seed gives the same revisions, ids and statements) of
 * the DDL and DML real schemas accumulate: tables with primary and foreign keys, added columns, indexes, small
 * inserts and data fixes.
 *
 * <p>{@link Shape#BRANCHED} forks the history every few revisions into two branches that a merge revision joins
 * again. A branch only changes tables it created itself (and may reference older ones), so the engine may run the
 * two branches in either order and the linear order of {@link GeneratedRevision#number()} that Flyway and
 * Liquibase run is valid too.
 */
public final class RevisionSetGenerator {

	/** The graph the revisions form. */
	public enum Shape {

		/** Each revision revises the one before it. */
		LINEAR,

		/** Runs of linear revisions, then two branches of one to three revisions and a merge, again and again. */
		BRANCHED

	}

	private static final String[] NOUNS = { "customers", "orders", "invoices", "products", "payments", "shipments",
			"accounts", "users", "sessions", "events", "tickets", "comments", "projects", "tasks", "tags", "notes" };

	private static final String[] COLUMN_TYPES = { "text", "varchar(64)", "integer NOT NULL DEFAULT 0",
			"boolean NOT NULL DEFAULT false", "timestamptz", "numeric(10,2)" };

	private static final int TRUNK = 0;

	private final Random random;

	private final List<GeneratedRevision> revisions = new ArrayList<>();

	private final Set<String> ids = new HashSet<>();

	private final List<Table> tables = new ArrayList<>();

	private int branch = TRUNK;

	private int branchCount;

	private RevisionSetGenerator(long seed) {
		this.random = new Random(seed);
	}

	/**
	 * Generates {@code count} revisions with one head at the end.
	 * @param count how many revisions, at least 1
	 * @param shape linear, or with branches and merges
	 * @param seed the seed: equal seeds give equal revisions
	 */
	public static List<GeneratedRevision> generate(int count, Shape shape, long seed) {
		if (count < 1) {
			throw new IllegalArgumentException("count must be at least 1, was " + count);
		}
		RevisionSetGenerator generator = new RevisionSetGenerator(seed);
		String tip = generator.change(List.of());
		int trunkRun = 0;
		while (generator.revisions.size() < count) {
			int remaining = count - generator.revisions.size();
			if (shape == Shape.BRANCHED && trunkRun >= 3 && remaining >= 3 && generator.random.nextInt(3) == 0) {
				int first = 1 + generator.random.nextInt(Math.min(3, remaining - 2));
				int second = 1 + generator.random.nextInt(Math.min(3, remaining - 1 - first));
				String firstTip = generator.branch(tip, first);
				String secondTip = generator.branch(tip, second);
				tip = generator.merge(firstTip, secondTip);
				trunkRun = 0;
			}
			else {
				tip = generator.change(List.of(tip));
				trunkRun++;
			}
		}
		return List.copyOf(generator.revisions);
	}

	private String branch(String forkPoint, int length) {
		this.branch = ++this.branchCount;
		String tip = forkPoint;
		for (int i = 0; i < length; i++) {
			tip = change(List.of(tip));
		}
		this.branch = TRUNK;
		return tip;
	}

	private String merge(String firstTip, String secondTip) {
		for (Table table : this.tables) {
			table.owner = TRUNK;
		}
		int number = this.revisions.size() + 1;
		Table table = this.tables.get(this.tables.size() - 1);
		return add(List.of(firstTip, secondTip), "merge " + firstTip + " and " + secondTip,
				List.of("COMMENT ON TABLE " + table.name + " IS 'merged in revision " + number + "'"),
				List.of("COMMENT ON TABLE " + table.name + " IS NULL"));
	}

	/** One revision that changes the schema or its data, on the current branch. */
	private String change(List<String> revises) {
		List<Table> own = this.tables.stream().filter((table) -> table.owner == this.branch).toList();
		int pick = this.random.nextInt(100);
		if (own.isEmpty() || pick < 28) {
			return createTable(revises);
		}
		Table table = own.get(this.random.nextInt(own.size()));
		if (pick < 52) {
			return addColumns(revises, table);
		}
		if (pick < 66 && !table.unindexed.isEmpty()) {
			return createIndex(revises, table);
		}
		if (pick < 92) {
			return insertRows(revises, table);
		}
		return fixData(revises, table);
	}

	private String createTable(List<String> revises) {
		int number = this.revisions.size() + 1;
		String name = String.format(Locale.ROOT, "t%05d_%s", number, NOUNS[this.random.nextInt(NOUNS.length)]);
		List<Table> referable = this.tables.stream()
			.filter((table) -> table.owner == TRUNK || table.owner == this.branch)
			.toList();
		Table parent = (!referable.isEmpty() && this.random.nextInt(3) > 0)
				? referable.get(this.random.nextInt(referable.size())) : null;
		Table table = new Table(name, this.branch, parent);
		List<String> upgrade = new ArrayList<>();
		String foreignKey = (parent != null) ? table.foreignKey + " bigint REFERENCES " + parent.name + " (id), "
				: "";
		upgrade.add("CREATE TABLE " + name + " (id bigserial PRIMARY KEY, " + foreignKey
				+ "name varchar(120) NOT NULL, amount numeric(12,2) NOT NULL DEFAULT 0, "
				+ "status varchar(20) NOT NULL DEFAULT 'new', created_at timestamptz NOT NULL DEFAULT now())");
		if (parent != null) {
			upgrade.add(indexStatement(table, table.foreignKey));
		}
		this.tables.add(table);
		return add(revises, "create table " + name, upgrade, List.of("DROP TABLE " + name));
	}

	private String addColumns(List<String> revises, Table table) {
		int number = this.revisions.size() + 1;
		int count = 1 + this.random.nextInt(2);
		List<String> upgrade = new ArrayList<>();
		List<String> downgrade = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String column = String.format(Locale.ROOT, "c%05d_%d", number, i);
			String type = COLUMN_TYPES[this.random.nextInt(COLUMN_TYPES.length)];
			upgrade.add("ALTER TABLE " + table.name + " ADD COLUMN " + column + " " + type);
			downgrade.add(0, "ALTER TABLE " + table.name + " DROP COLUMN " + column);
			table.unindexed.add(column);
		}
		return add(revises, "add columns to " + table.name, upgrade, downgrade);
	}

	private String createIndex(List<String> revises, Table table) {
		List<String> candidates = new ArrayList<>(table.unindexed);
		String column = candidates.get(this.random.nextInt(candidates.size()));
		return add(revises, "index " + table.name + " " + column, List.of(indexStatement(table, column)),
				List.of("DROP INDEX ix_" + table.name + "_" + column));
	}

	private String indexStatement(Table table, String column) {
		table.unindexed.remove(column);
		return "CREATE INDEX ix_" + table.name + "_" + column + " ON " + table.name + " (" + column + ")";
	}

	private String insertRows(List<String> revises, Table table) {
		int count = 1 + this.random.nextInt(3);
		boolean withParent = table.parent != null;
		StringBuilder insert = new StringBuilder("INSERT INTO ").append(table.name)
			.append(withParent ? " (" + table.foreignKey + ", name, amount, status) VALUES " : " (name, amount, status) VALUES ");
		for (int i = 0; i < count; i++) {
			insert.append((i > 0) ? ", (" : "(");
			if (withParent) {
				insert.append((table.parent.rows > 0) ? String.valueOf(1 + this.random.nextInt(table.parent.rows))
						: "NULL").append(", ");
			}
			insert.append("'").append(table.name).append(" row ").append(table.rows + i + 1).append("', ");
			insert.append(this.random.nextInt(100000) / 100.0).append(", 'new')");
		}
		String downgrade = "DELETE FROM " + table.name + " WHERE id > " + table.rows;
		table.rows += count;
		return add(revises, "seed " + table.name, List.of(insert.toString()), List.of(downgrade));
	}

	private String fixData(List<String> revises, Table table) {
		int limit = 1 + this.random.nextInt(5);
		return add(revises, "fix " + table.name + " status",
				List.of("UPDATE " + table.name + " SET status = 'active', amount = amount + 1 WHERE id <= " + limit),
				List.of("UPDATE " + table.name + " SET status = 'new', amount = amount - 1 WHERE id <= " + limit));
	}

	private String add(List<String> revises, String message, List<String> upgrade, List<String> downgrade) {
		String id;
		do {
			id = String.format(Locale.ROOT, "%012x", this.random.nextLong() & 0xffff_ffff_ffffL);
		}
		while (!this.ids.add(id));
		this.revisions.add(new GeneratedRevision(this.revisions.size() + 1, id, revises, message, upgrade, downgrade));
		return id;
	}

	/** What the generator knows of a table it created: enough to write valid statements against it. */
	private static final class Table {

		private final String name;

		private final Table parent;

		private final String foreignKey;

		private final Set<String> unindexed = new LinkedHashSet<>(List.of("name", "status", "created_at"));

		private int owner;

		private int rows;

		private Table(String name, int owner, Table parent) {
			this.name = name;
			this.owner = owner;
			this.parent = parent;
			this.foreignKey = (parent != null) ? parent.name + "_id" : null;
		}

	}

}
