package dev.migrations.schema;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One aspect of a column that changes. A column that changes in several aspects gives one change per aspect, each
 * from the column as the previous one left it, so every step holds the whole column before and after (as
 * MariaDB's {@code MODIFY COLUMN} needs).
 *
 * @param table the table's name
 * @param aspect what changes
 * @param from the column before
 * @param to the column after; it differs from {@code from} in {@code aspect} alone
 */
public record AlterColumn(String table, Aspect aspect, Column from, Column to) implements SchemaChange {

	/** What about a column changes, in the order a diff applies them. */
	public enum Aspect {

		TYPE((column) -> column.type().sql()),

		NULLABILITY((column) -> column.nullable() ? "null" : "not null"),

		DEFAULT((column) -> (column.defaultExpression() != null) ? "default " + column.defaultExpression()
				: "no default"),

		IDENTITY((column) -> (column.identity() != null)
				? "identity " + column.identity().name().toLowerCase(Locale.ROOT).replace('_', ' ') : "no identity"),

		GENERATED((column) -> (column.generatedExpression() != null) ? "generated as " + column.generatedExpression()
				: "not generated"),

		COMMENT((column) -> (column.comment() != null) ? "comment '" + column.comment() + "'" : "no comment");

		private final Function<Column, String> show;

		Aspect(Function<Column, String> show) {
			this.show = show;
		}

		/** This aspect of a column, for people: {@code varchar(200)}, {@code not null}, {@code default 0}. */
		public String show(Column column) {
			return this.show.apply(column);
		}

		/** Whether the two columns differ in this aspect. */
		boolean differs(Column from, Column to) {
			return !Objects.equals(show(from), show(to));
		}

		/** {@code from} with this aspect taken from {@code to}. */
		Column apply(Column from, Column to) {
			return switch (this) {
				case TYPE -> from.withType(to.type());
				case NULLABILITY -> from.withNullable(to.nullable());
				case DEFAULT -> from.withDefault(to.defaultExpression());
				case IDENTITY -> from.withIdentity(to.identity());
				case GENERATED -> from.withGenerated(to.generatedExpression());
				case COMMENT -> from.withComment(to.comment());
			};
		}

	}

	@Override
	public String description() {
		String column = "'" + this.table + "." + this.to.name() + "'";
		return switch (this.aspect) {
			case TYPE -> "Detected type change from " + fromValue() + " to " + toValue() + " on " + column;
			case NULLABILITY -> "Detected " + (this.to.nullable() ? "NULL" : "NOT NULL") + " on column " + column;
			case DEFAULT -> "Detected " + ((this.to.defaultExpression() == null) ? "removed " : "")
					+ "server default on column " + column;
			case IDENTITY -> "Detected identity change from " + fromValue() + " to " + toValue() + " on column " + column;
			case GENERATED -> "Detected computed column change on " + column;
			case COMMENT -> "Detected " + ((this.to.comment() == null) ? "removed " : "") + "column comment " + column;
		};
	}

	@Override
	public String subject() {
		return "column " + this.table + "." + this.to.name();
	}

	/** The changed aspect before: {@code varchar(100)}. */
	public String fromValue() {
		return this.aspect.show(this.from);
	}

	/** The changed aspect after: {@code varchar(200)}. */
	public String toValue() {
		return this.aspect.show(this.to);
	}

	@Override
	public SchemaChange inverse() {
		return new AlterColumn(this.table, this.aspect, this.to, this.from);
	}

	@Override
	public Optional<String> review() {
		if (this.aspect == Aspect.TYPE && narrows()) {
			return Optional.of("narrows " + this.table + "." + this.to.name() + " from " + fromValue() + " to "
					+ toValue() + ": existing values may not fit");
		}
		if (this.aspect == Aspect.TYPE && !this.from.type().name().equals(this.to.type().name())) {
			return Optional.of("changes " + this.table + "." + this.to.name() + " from " + fromValue() + " to "
					+ toValue() + ": existing values must convert");
		}
		if (this.aspect == Aspect.GENERATED) {
			return Optional.of("recreates computed column " + this.table + "." + this.to.name());
		}
		return Optional.empty();
	}

	/** Whether the type keeps its name and loses length, precision or scale. */
	private boolean narrows() {
		ColumnType before = this.from.type();
		ColumnType after = this.to.type();
		return before.name().equals(after.name()) && (smaller(before.length(), after.length())
				|| smaller(before.precision(), after.precision()) || smaller(before.scale(), after.scale()));
	}

	private static boolean smaller(Integer before, Integer after) {
		return (before == null) ? after != null : after != null && after < before;
	}

}
