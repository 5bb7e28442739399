package dev.migrations.schema;

/**
 * A check constraint.
 *
 * @param name its name; {@code null} on H2 when the database chose it
 * @param expression the condition as the database reports it, without {@code CHECK} around it
 */
public record CheckConstraint(String name, String expression) implements TableElement {

	@Override
	public String kind() {
		return "check constraint";
	}

	@Override
	public String columnList() {
		return this.expression;
	}

	@Override
	public String describe(String table) {
		return kind() + ((this.name != null) ? " " + this.name : "") + " on " + table + " check " + this.expression;
	}

}
