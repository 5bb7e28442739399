package dev.migrations.graph;

import dev.migrations.error.ErrorKind;

/**
 * A {@code history} range {@code start:end}, either side optional ({@code base} and {@code heads} then);
 * {@code current} on either side stands for the database's revisions.
 */
public record HistoryRange(String start, String end) {

	public static final HistoryRange ALL = new HistoryRange(null, null);

	/** Parses {@code start:end}; {@code null} means the whole history. */
	public static HistoryRange parse(String range) {
		if (range == null) {
			return ALL;
		}
		String[] sides = range.strip().split(":", -1);
		if (sides.length != 2) {
			throw new GraphException(ErrorKind.TARGET,
					"History range requires [start]:[end], [start]:, or :[end], not '" + range + "'",
					"Write the range as 'from:to', 'from:' or ':to', e.g. -r base:head or -r -3:");
		}
		return new HistoryRange(sides[0].isEmpty() ? null : sides[0], sides[1].isEmpty() ? null : sides[1]);
	}

	/** Whether either side needs the database. */
	public boolean readsCurrent() {
		return "current".equals(this.start) || "current".equals(this.end);
	}

}
