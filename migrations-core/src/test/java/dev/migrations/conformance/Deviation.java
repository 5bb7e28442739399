package dev.migrations.conformance;

/**
 * A step where the project deliberately differs from Alembic ({@code deviations.json}).
 *
 * @param scenario the scenario name
 * @param step the step index
 * @param rule the rule's name
 * @param error whether the project raises an error there
 * @param rowsUnchanged whether the version rows must be left as they were
 * @param resync whether the runner then stamps the database to Alembic's recorded rows to go on
 */
public record Deviation(String scenario, int step, String rule, boolean error, boolean rowsUnchanged,
		boolean resync) {

}
