package dev.migrations.graph;

/**
 * A target the user typed, parsed once at the edge ({@link TargetParser}) into the form it has: contract §3's
 * {@code head}, {@code heads}, {@code base}, a revision id or prefix (or a branch label), each optionally on a
 * branch ({@code label@head}), a relative step ({@code +N}, {@code -N}, {@code <rev>+N}, {@code label@-N}), a range
 * {@code from:to} and {@code current}. Below the facade, targets travel in this form; {@link #text()} gives them
 * back as written, for messages.
 */
public sealed interface Target {

	/** {@code heads}: every head. */
	Target HEADS = new Heads(null);

	/** {@code head}: the single head. */
	Target HEAD = new Head(null);

	/** {@code base}: before every revision. */
	Target BASE = new Base(null);

	/** The target as written (whitespace around it dropped). */
	String text();

	/** The branch label written before {@code @}; {@code null} for none. */
	default String branch() {
		return null;
	}

	/**
	 * Parses a target.
	 * @throws GraphException naming the text and what was expected when it is not a target
	 */
	static Target parse(String text) {
		return TargetParser.parse(text);
	}

	/**
	 * Parses a {@code history} range, {@code [start]:[end]}.
	 * @throws GraphException naming the text when it is not such a range
	 */
	static Range parseRange(String text) {
		return TargetParser.parseRange(text);
	}

	/** {@code head} or {@code <label>@head}: the single head (of the branch). */
	record Head(String branch) implements Target {

		@Override
		public String text() {
			return onBranch(this.branch, "head");
		}

	}

	/** {@code heads} or {@code <label>@heads}: every head (of the branch). */
	record Heads(String branch) implements Target {

		@Override
		public String text() {
			return onBranch(this.branch, "heads");
		}

	}

	/** {@code base} or {@code <label>@base}: before the first revision. */
	record Base(String branch) implements Target {

		@Override
		public String text() {
			return onBranch(this.branch, "base");
		}

	}

	/** A revision id, a prefix of one, or a branch label, optionally checked to be on a branch. */
	record Id(String branch, String id) implements Target {

		@Override
		public String text() {
			return onBranch(this.branch, this.id);
		}

	}

	/**
	 * {@code [<label>@][<anchor>](+|-)N}: {@code N} steps up or down from the anchor, or from the current revisions
	 * when there is none.
	 * @param branch the branch label; {@code null} for none
	 * @param anchor where to count from ({@link Head}, {@link Heads}, {@link Base} or {@link Id}, on no branch);
	 * {@code null} for the current revisions
	 * @param step the sign and digits as written, such as {@code -2} or {@code +0}
	 */
	record Relative(String branch, Target anchor, String step) implements Target {

		/** The signed number of steps ({@code -0} is zero). */
		public int steps() {
			return Integer.parseInt(this.step);
		}

		/** The part after the branch label: what Alembic looks up when it takes this for an identifier. */
		String identifier() {
			return ((this.anchor != null) ? this.anchor.text() : "") + this.step;
		}

		@Override
		public String text() {
			return onBranch(this.branch, identifier());
		}

	}

	/** {@code current}: the database's version rows. */
	record Current() implements Target {

		@Override
		public String text() {
			return "current";
		}

	}

	/**
	 * {@code from:to}, for {@code history} and offline SQL.
	 * @param lower the lower end; {@code null} when left out ({@code base})
	 * @param upper the upper end; {@code null} when left out ({@code heads})
	 */
	record Range(Target lower, Target upper) implements Target {

		/** The whole history, {@code base:heads}. */
		public static final Range ALL = new Range(null, null);

		@Override
		public String text() {
			return textOf(this.lower) + ":" + textOf(this.upper);
		}

		/** Whether either end is {@code current}, which needs the database. */
		public boolean readsCurrent() {
			return this.lower instanceof Current || this.upper instanceof Current;
		}

		/** Whether either end is a relative step. */
		public boolean hasRelativeEnd() {
			return this.lower instanceof Relative || this.upper instanceof Relative;
		}

		private static String textOf(Target end) {
			return (end != null) ? end.text() : "";
		}

	}

	private static String onBranch(String branch, String text) {
		return (branch != null) ? branch + "@" + text : text;
	}

}
