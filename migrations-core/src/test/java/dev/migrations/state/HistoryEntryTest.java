package dev.migrations.state;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrations.graph.Direction;
import dev.migrations.graph.MigrationStep;
import dev.migrations.graph.Revision;
import dev.migrations.graph.StampStep;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryEntryTest {

	private static final Instant AT = Instant.parse("2026-11-21T14:31:02Z");

	private static final Revision MERGE = new Revision("m3", List.of("b2", "c4"), List.of(), List.of(),
			"merge heads", "20261121_1430_m3_merge_heads.sql");

	@Test
	void anUpgradeStepRecordsTheRevisionItRanAndTheArrowOfItsLogLine() {
		MigrationStep step = new MigrationStep(Direction.UP, MERGE, List.of("b2", "c4"), List.of("m3"));
		HistoryEntry entry = HistoryEntry.of(step, "sum-m3", AT, 41L, true);
		assertThat(entry).isEqualTo(new HistoryEntry("m3", List.of("b2", "c4"), List.of("m3"),
				HistoryOperation.UPGRADE, "merge heads", "sum-m3", null, AT, 41L, true));
		assertThat(entry.applies()).isTrue();
	}

	@Test
	void aDowngradeStepRecordsTheRevisionItUndid() {
		MigrationStep step = new MigrationStep(Direction.DOWN, MERGE, List.of("m3"), List.of("b2", "c4"));
		HistoryEntry entry = HistoryEntry.of(step, "sum-m3", null, null, false);
		assertThat(entry.revision()).isEqualTo("m3");
		assertThat(entry.fromRevisions()).containsExactly("m3");
		assertThat(entry.toRevisions()).containsExactly("b2", "c4");
		assertThat(entry.operation()).isEqualTo(HistoryOperation.DOWNGRADE);
		assertThat(entry.installedAt()).isNull();
		assertThat(entry.executionMs()).isNull();
		assertThat(entry.applies()).isFalse();
	}

	@Test
	void aStampStepRecordsEachRevisionItWritesThenEachItRemoves() {
		StampStep step = new StampStep(List.of("a1", "b2"), List.of("b2", "c3", "d4"), List.of("a1", "b2"),
				List.of("b2", "c3", "d4"));
		List<HistoryEntry> entries = HistoryEntry.of(step, AT, 3L);
		assertThat(entries).extracting(HistoryEntry::revision).containsExactly("c3", "d4", "a1");
		assertThat(entries).allSatisfy((entry) -> {
			assertThat(entry.operation()).isEqualTo(HistoryOperation.STAMP);
			assertThat(entry.fromRevisions()).containsExactly("a1", "b2");
			assertThat(entry.toRevisions()).containsExactly("b2", "c3", "d4");
			assertThat(entry.checksum()).isNull();
			assertThat(entry.success()).isTrue();
		});
		assertThat(entries).extracting(HistoryEntry::applies).containsExactly(true, true, false);
	}

	@Test
	void aStampToBaseRemovesEveryRow() {
		StampStep step = new StampStep(List.of("a1"), List.of(), List.of("a1"), List.of());
		assertThat(HistoryEntry.of(step, AT, 0L)).singleElement()
			.satisfies((entry) -> assertThat(entry.revision()).isEqualTo("a1"))
			.satisfies((entry) -> assertThat(entry.applies()).isFalse());
	}

	@Test
	void operationsHaveTheirColumnValues() {
		assertThat(HistoryOperation.values()).extracting(HistoryOperation::value)
			.containsExactly("upgrade", "downgrade", "stamp", "repair");
	}

}
