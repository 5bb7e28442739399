package dev.migrations.script;

import java.util.Locale;
import java.util.Set;

/**
 * The rule every revision id and branch label follows, so that it fits the version table's {@code varchar(64)} and
 * reads unambiguously in comma-separated {@code Revises} lists and in targets such as {@code rev+1} or
 * {@code label@head}. The words that name targets ({@code base}, {@code head}, {@code heads}) are neither.
 */
final class RevisionIds {

	static final int MAX_LENGTH = 64;

	static final String RULE = "1 to " + MAX_LENGTH + " letters, digits or '_' ('-', '+', '@' and ':' have meanings in targets)";

	static final Set<String> RESERVED = Set.of("base", "head", "heads");

	private RevisionIds() {
	}

	/** What is wrong with a name that is not valid or is reserved, as "it must be ..." for messages. */
	static String problem(String name) {
		return isReserved(name) ? "base, head and heads name targets" : "it must be " + RULE;
	}

	/** Whether {@code name} is a word that names a target, in any case. */
	static boolean isReserved(String name) {
		return RESERVED.contains(name.toLowerCase(Locale.ROOT));
	}

	static boolean isValid(String id) {
		if (id.isEmpty() || id.length() > MAX_LENGTH) {
			return false;
		}
		for (int i = 0; i < id.length(); i++) {
			char c = id.charAt(i);
			boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
			if (!allowed) {
				return false;
			}
		}
		return true;
	}

}
