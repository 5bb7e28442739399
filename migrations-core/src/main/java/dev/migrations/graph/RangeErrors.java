package dev.migrations.graph;

import java.util.function.Supplier;

import dev.migrations.error.ErrorKind;

/**
 * Errors met while resolving a range the user typed ({@code history -r}, {@code upgrade a:b --sql}), restated so
 * that they name the range and say what is wrong with it. The graph's own message stays in parentheses, with the
 * revisions it names.
 */
public final class RangeErrors {

	private RangeErrors() {
	}

	/** Runs {@code work}, restating any graph error in terms of {@code range}. */
	public static <T> T explain(Target.Range range, Supplier<T> work) {
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
	 * @param command the command's direction
	 */
	public static GraphException reversed(Target.Range range, Direction command) {
		String swapped = new Target.Range(range.upper(), range.lower()).text();
		String name = command.verb();
		String order = (command == Direction.UP) ? "from the older revision to the newer one"
				: "from the newer revision to the older one";
		return new GraphException(ErrorKind.TARGET,
				"Range '" + range.text() + "' runs the wrong way for " + name + ": " + name + " ranges go " + order,
				"Write it as '" + swapped + "'");
	}

	private static GraphException restate(Target.Range range, GraphException error) {
		boolean relative = range.hasRelativeEnd();
		if (relative && error.getMessage().startsWith("Ambiguous walk")) {
			return new GraphException(error.kind(), "Range '" + range.text()
					+ "' steps across a merge or branch point, where more than one revision is one step away ("
					+ error.getMessage() + ")", "Name that end of the range by revision id (see 'migrations history')",
					error);
		}
		if (relative && error.kind() == ErrorKind.REVISION_NOT_FOUND) {
			return new GraphException(error.kind(), "Range '" + range.text()
					+ "' counts past the first or the last revision (" + error.getMessage() + ")",
					"Use a smaller step, or name that end of the range by revision id (see 'migrations history')", error);
		}
		return new GraphException(error.kind(), "Range '" + range.text() + "': " + error.getMessage(), error.hint(), error);
	}

}
