package dev.migrations.state;

import java.util.List;
import java.util.Map;

/**
 * What the history table tells a run before it starts, from one reading.
 *
 * @param appliedChecksums for each applied revision, the checksum its latest applying row recorded ({@code null}
 * for none)
 * @param leftPartial the failed rows that left statements applied and that no repair or stamp has acknowledged
 * since, oldest first: while there is one, no revision runs
 */
public record HistorySummary(Map<String, String> appliedChecksums, List<HistoryEntry> leftPartial) {

	public HistorySummary {
		leftPartial = List.copyOf(leftPartial);
	}

}
