package dev.migrations.conformance;

import java.util.List;

/**
 * What came of one step.
 *
 * @param rowsBefore the version rows before the step
 * @param rows the version rows after it
 * @param log the {@code Running ...} lines, in order (empty for commands that run nothing)
 * @param stdout the listing's lines where the step's output is compared ({@code current}, {@code heads},
 * {@code branches}, {@code history} without {@code --verbose}); {@code null} elsewhere
 * @param error the failure's message; {@code null} on success
 * @param malformed how the runner saw the step misbehave whatever its result (a stack trace, a usage error...);
 * {@code null} when it did not
 */
public record StepOutcome(List<String> rowsBefore, List<String> rows, List<String> log, List<String> stdout,
		String error, String malformed) {

}
