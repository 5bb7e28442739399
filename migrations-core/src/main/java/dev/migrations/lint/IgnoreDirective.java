package dev.migrations.lint;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A reviewed silencing: {@code <rule-id>[, ...] <reason>}, from a {@code -- lint: ignore} comment on the line
 * before a statement or from a revision's {@code Lint Ignore} header.
 *
 * @param ruleIds the ids of the rules silenced, in lower case
 * @param reason why breaking them is safe here; blank when the author gave none
 * @param line the 1-based file line of the directive
 */
record IgnoreDirective(Set<String> ruleIds, String reason, int line) {

	/** Rule ids separated by commas, then the reason. */
	private static final Pattern SPEC = Pattern.compile("((?:[\\w-]+\\s*,\\s*)*[\\w-]+)\\s*(.*)", Pattern.DOTALL);

	/** The comment that silences the next statement. */
	private static final Pattern COMMENT = Pattern.compile("\\s*--\\s*lint\\s*:\\s*ignore\\b(.*)",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	/** Reads {@code <rule-id>[, ...] <reason>}; without ids, the directive silences nothing. */
	static IgnoreDirective parse(String spec, int line) {
		Matcher matcher = SPEC.matcher(spec.strip());
		if (!matcher.matches()) {
			return new IgnoreDirective(Set.of(), "", line);
		}
		Set<String> ids = Arrays.stream(matcher.group(1).split(","))
			.map((id) -> id.strip().toLowerCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
		return new IgnoreDirective(ids, matcher.group(2).strip(), line);
	}

	/** The directive of a {@code -- lint: ignore ...} comment line, or {@code null} for any other line. */
	static IgnoreDirective ofComment(String lineText, int line) {
		Matcher matcher = COMMENT.matcher(lineText);
		return matcher.matches() ? parse(matcher.group(1), line) : null;
	}

	/** Whether the directive names a rule and gives a reason, as a reviewed silencing must. */
	boolean complete() {
		return !this.ruleIds.isEmpty() && !this.reason.isEmpty();
	}

	boolean silences(Rule rule) {
		return this.ruleIds.contains(rule.id());
	}

}
