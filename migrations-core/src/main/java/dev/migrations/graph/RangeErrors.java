package dev.migrations.graph;

import java.util.function.Supplier;
import java.util.regex.Pattern;

import dev.migrations.error.ErrorKind;

/**
 * Errors met while resolving a range the user typed ({@code history -r}, {@code upgrade a:b --sql}), restated so
 * that they name the range and say what is wrong with it. The graph's own message stays in parentheses, with the
 * revisions it names.
 */
public final class RangeErrors {

	/** A side written as a relative step: {@code -2}, {@code +3}, {@code head-1}, {@code label@+2}. */
	private static final Pattern RELATIVE = Pattern.compile("[+-]\\d+$");

	private RangeErrors() {
	}

	/** Runs {@code work}, restating any graph error in terms of {@code range}. */
	public static <T> T explain(String range, Supplier<T> work) {
		try {
			return work.get();
		}
		catch (GraphException ex) {
			throw restate(range, ex);
		}
	}

	/**
	 * A range given the wrong way round for the command.
	 * @param range the range as typed, {@code from:to}
	 * @param command {@code upgrade} or {@code downgrade}
	 */
	public static GraphException reversed(String range, String command) {
		String[] sides = range.split(":", -1);
		String swapped = sides[1] + ":" + sides[0];
		String order = "upgrade".equals(command) ? "from the older revision to the newer one"
				: "from the newer revision to the older one";
		return new GraphException(ErrorKind.TARGET,
				"Range '" + range + "' runs the wrong way for " + command + ": " + command + " ranges go " + order,
				"Write it as '" + swapped + "'");
	}

	private static GraphException restate(String range, GraphException error) {
		boolean relative = hasRelativeSide(range);
		if (relative && error.getMessage().startsWith("Ambiguous walk")) {
			return new GraphException(error.kind(), "Range '" + range
					+ "' steps across a merge or branch point, where more than one revision is one step away ("
					+ error.getMessage() + ")", "Name that end of the range by revision id (see 'migrations history')",
					error);
		}
		if (relative && error.kind() == ErrorKind.REVISION_NOT_FOUND) {
			return new GraphException(error.kind(), "Range '" + range
					+ "' counts past the first or the last revision (" + error.getMessage() + ")",
					"Use a smaller step, or name that end of the range by revision id (see 'migrations history')", error);
		}
		return new GraphException(error.kind(), "Range '" + range + "': " + error.getMessage(), error.hint(), error);
	}

	private static boolean hasRelativeSide(String range) {
		for (String side : range.split(":", -1)) {
			if (RELATIVE.matcher(side).find()) {
				return true;
			}
		}
		return false;
	}

}
