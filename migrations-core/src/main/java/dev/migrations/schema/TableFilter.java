package dev.migrations.schema;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which tables a read keeps: all but those named, compared without regard to case (so {@code migrations_version}
 * leaves out H2's {@code MIGRATIONS_VERSION}).
 *
 * @param excluded the names left out, in lower case
 */
public record TableFilter(Set<String> excluded) {

	public TableFilter {
		excluded = excluded.stream().map((name) -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
	}

	/** Every table. */
	public static TableFilter all() {
		return new TableFilter(Set.of());
	}

	/** Every table but those named. */
	public static TableFilter excluding(String... tables) {
		return new TableFilter(Set.copyOf(Arrays.asList(tables)));
	}

	/**
	 * Every table but the engine's own: the version table, the history table, and the lock table that H2 uses next
	 * to the version table ({@code <version table>_lock}).
	 */
	public static TableFilter excludingMigrationTables(String versionTable, String historyTable) {
		return excluding(versionTable, historyTable, versionTable + "_lock");
	}

	/** Whether the table is kept. */
	public boolean includes(String table) {
		return !this.excluded.contains(table.toLowerCase(Locale.ROOT));
	}

}
