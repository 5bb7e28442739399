package dev.migrations.graph;

import dev.migrations.error.ErrorKind;

/**
 * The one parser of targets (contract §3), run at the edge: everything below takes a {@link Target}. A target is
 * {@code [<label>@]<word>} where the word is {@code head}, {@code heads}, {@code base} or a revision id, prefix or
 * label; {@code [<label>@][<word>](+|-)<digits>}; {@code current}; or for ranges {@code [<target>]:[<target>]}.
 * Revision ids never hold {@code @ : + -} ({@link GraphBuilder} refuses them), so these characters alone decide
 * the form.
 */
final class TargetParser {

	private static final String FORMS = "head, heads, base, a revision id or a unique prefix of at least four characters, "
			+ "a branch label, <label>@head, <label>@base, +N, -N, <rev>+N, <rev>-N, <label>@-N, current, "
			+ "and for history and --sql a range <from>:<to>";

	private static final String HISTORY_RANGE_HINT = "Write the range as 'from:to', 'from:' or ':to', e.g. -r base:head or -r -3:";

	/** Steps are counted in an {@code int}: nine digits always fit. */
	private static final int MAX_STEP_DIGITS = 9;

	private TargetParser() {
	}

	/** A target of any form, a range included. */
	static Target parse(String text) {
		String target = text.strip();
		int colon = target.indexOf(':');
		if (colon < 0) {
			return single(target, target);
		}
		if (target.indexOf(':', colon + 1) >= 0) {
			throw malformed(target, "one ':' at most, between the two ends of a range");
		}
		return range(target, colon);
	}

	/** A {@code history} range, {@code [start]:[end]}. */
	static Target.Range parseRange(String text) {
		String target = text.strip();
		int colon = target.indexOf(':');
		if (colon < 0 || target.indexOf(':', colon + 1) >= 0) {
			throw new GraphException(ErrorKind.TARGET,
					"History range requires [start]:[end], [start]:, or :[end], not '" + text + "'",
					HISTORY_RANGE_HINT);
		}
		return range(target, colon);
	}

	private static Target.Range range(String target, int colon) {
		String lower = target.substring(0, colon).strip();
		String upper = target.substring(colon + 1).strip();
		return new Target.Range(lower.isEmpty() ? null : single(lower, target),
				upper.isEmpty() ? null : single(upper, target));
	}

	/** One end: {@code current}, or {@code [<label>@]} followed by a word or a step. */
	private static Target single(String part, String whole) {
		if (part.isEmpty()) {
			throw malformed(whole, "a revision id or prefix, a branch label, head, heads, base, current or a step "
					+ "such as -1");
		}
		if ("current".equals(part)) {
			return new Target.Current();
		}
		int at = part.indexOf('@');
		if (at < 0) {
			return unlabelled(null, part, whole);
		}
		String branch = part.substring(0, at);
		String rest = part.substring(at + 1);
		if (!isWord(branch)) {
			throw malformed(whole, "a branch label (letters, digits or '_') before '@'");
		}
		if (rest.indexOf('@') >= 0) {
			throw malformed(whole, "one '@' at most, after the branch label");
		}
		if (rest.isEmpty()) {
			throw malformed(whole, "head, heads, base, a revision or a step such as -1 after '@'");
		}
		return unlabelled(branch, rest, whole);
	}

	/** What follows the branch label: a word, or a step with an optional anchor word before it. */
	private static Target unlabelled(String branch, String rest, String whole) {
		int sign = firstSign(rest);
		if (sign < 0) {
			return word(branch, rest);
		}
		String anchor = rest.substring(0, sign);
		String step = rest.substring(sign);
		if (!isDigits(step.substring(1))) {
			throw malformed(whole, "a number of steps (1 to " + MAX_STEP_DIGITS + " digits) after '"
					+ step.charAt(0) + "'");
		}
		if (!anchor.isEmpty() && !isWord(anchor)) {
			throw malformed(whole, "a revision id, head, heads or base before '" + step + "'");
		}
		return new Target.Relative(branch, anchor.isEmpty() ? null : word(null, anchor), step);
	}

	private static Target word(String branch, String word) {
		return switch (word) {
			case "head" -> new Target.Head(branch);
			case "heads" -> new Target.Heads(branch);
			case "base" -> new Target.Base(branch);
			default -> new Target.Id(branch, word);
		};
	}

	private static int firstSign(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '+' || text.charAt(i) == '-') {
				return i;
			}
		}
		return -1;
	}

	private static boolean isDigits(String text) {
		if (text.isEmpty() || text.length() > MAX_STEP_DIGITS) {
			return false;
		}
		return text.chars().allMatch((c) -> c >= '0' && c <= '9');
	}

	/** Letters, digits or {@code _}, as the relative form's {@code \w+} reads an anchor or label. */
	private static boolean isWord(String text) {
		return !text.isEmpty() && text.chars().allMatch((c) -> Character.isLetterOrDigit(c) || c == '_');
	}

	private static GraphException malformed(String text, String expected) {
		return new GraphException(ErrorKind.TARGET, "Target '" + text + "' is not valid: expected " + expected,
				"Write one of: " + FORMS);
	}

}
