package dev.migrations.schema;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column's type as the database names it, with its length, or precision and scale, apart:
 * {@code character varying} with length 200, {@code numeric} with precision 10 and scale 2,
 * {@code timestamp with time zone} with precision 3. Names are those of the database that was read; a type is
 * only ever compared with or rendered for that same database.
 *
 * @param name the type without its parenthesised modifiers, in the database's spelling
 * @param length the length of a character, binary or bit type (on MariaDB also an integer's display width), or
 * {@code null}
 * @param precision the precision of a numeric or time type, or {@code null}
 * @param scale the scale of a numeric type, or {@code null}
 */
public record ColumnType(String name, Integer length, Integer precision, Integer scale) {

	/** {@code name(a[,b]) tail}: the database's text of a type, modifiers in the middle or at the end. */
	private static final Pattern TEXT = Pattern.compile("(?<head>[^(]*)(?:\\((?<a>\\d+)(?:,\\s*(?<b>\\d+))?\\))?(?<tail>.*)");

	/** The words that follow a type's modifiers: {@code timestamp(3) with time zone}, {@code int(10) unsigned}. */
	private static final Pattern TAIL = Pattern
		.compile("( with time zone| without time zone| unsigned zerofill| unsigned| zerofill|(\\[])+)$");

	/** Types whose single modifier is a length (the first word of the name). */
	private static final Pattern LENGTH_TYPES = Pattern.compile(
			"(?i)(n?var)?char(acter)?|nchar|n?varchar2?|(var)?binary|bit|varbit|((tiny|small|medium|big)?int(eger)?)|\\w*(text|blob)");

	/** A type with neither length, precision nor scale. */
	public static ColumnType of(String name) {
		return new ColumnType(name, null, null, null);
	}

	/**
	 * Parses a type as the database prints it ({@code format_type} on PostgreSQL, {@code COLUMN_TYPE} on MariaDB):
	 * {@code character varying(200)}, {@code numeric(10,2)}, {@code timestamp(3) with time zone},
	 * {@code int(10) unsigned}, {@code enum('a','b')} (kept whole).
	 */
	public static ColumnType parse(String text) {
		Matcher matcher = TEXT.matcher(text.trim());
		if (!matcher.matches() || matcher.group("a") == null) {
			return of(text.trim());
		}
		String name = matcher.group("head").trim() + matcher.group("tail");
		int first = Integer.parseInt(matcher.group("a"));
		if (matcher.group("b") != null) {
			return new ColumnType(name, null, first, Integer.parseInt(matcher.group("b")));
		}
		return takesLength(name) ? new ColumnType(name, first, null, null) : new ColumnType(name, null, first, null);
	}

	private static boolean takesLength(String name) {
		return LENGTH_TYPES.matcher(name.split("[ (\\[]", 2)[0]).matches();
	}

	/** The type as SQL, modifiers where the database expects them: {@code timestamp(3) with time zone}. */
	public String sql() {
		String modifiers = modifiers();
		if (modifiers.isEmpty()) {
			return this.name;
		}
		Matcher tail = TAIL.matcher(this.name);
		return tail.find() ? this.name.substring(0, tail.start()) + modifiers + tail.group()
				: this.name + modifiers;
	}

	private String modifiers() {
		if (this.length != null) {
			return "(" + this.length + ")";
		}
		if (this.precision != null) {
			return "(" + this.precision + ((this.scale != null) ? "," + this.scale : "") + ")";
		}
		return "";
	}

	@Override
	public String toString() {
		return sql();
	}

}
