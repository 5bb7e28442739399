package dev.migrations.report;

import java.util.List;

/**
 * Where a database stands against the scripts, without failing on what it finds: the shape behind
 * {@code /actuator/migrations} and the health indicator.
 *
 * @param current the version rows
 * @param heads the heads of the scripts, whatever the target
 * @param upToDate at the target, with no unknown version row (revisions beyond the target may be pending)
 * @param pending every revision not applied yet, in the order an upgrade to heads would run them: the history's
 * entries in state {@link RevisionState#PENDING}
 * @param unknown version rows that name no script
 * @param checksumMismatches applied revisions whose script changed since
 * @param history every revision, newest first, plus the unknown ones
 */
public record StatusReport(List<String> current, List<String> heads, boolean upToDate, List<String> pending,
		List<String> unknown, List<String> checksumMismatches, List<RevisionStatus> history) {

	public StatusReport {
		current = List.copyOf(current);
		heads = List.copyOf(heads);
		pending = List.copyOf(pending);
		unknown = List.copyOf(unknown);
		checksumMismatches = List.copyOf(checksumMismatches);
		history = List.copyOf(history);
	}

}
