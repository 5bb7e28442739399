package dev.migrations.conformance;

import java.util.List;

/**
 * What Alembic did at a step.
 *
 * @param error whether it raised
 * @param errorMessage the exception message with its cause's message appended (empty when no error)
 * @param stdout what it printed ({@code null} where not recorded)
 * @param stdoutLinesSorted for {@code current}, the lines sorted (their order is arbitrary in Alembic); else {@code null}
 * @param log the {@code Running ...} lines in order ({@code null} for commands that run nothing)
 * @param versionRows the version rows afterwards, sorted
 */
public record Expectation(boolean error, String errorMessage, String stdout, List<String> stdoutLinesSorted,
		List<String> log, List<String> versionRows) {

}
