package dev.migrations.script;

/**
 * The rule every revision id follows, so that it fits the version table's {@code varchar(64)} and reads
 * unambiguously in comma-separated {@code Revises} lists and in targets such as {@code rev+1}.
 */
final class RevisionIds {

	static final int MAX_LENGTH = 64;

	static final String RULE = "1 to " + MAX_LENGTH + " letters, digits or '_' ('-', '+', '@' and ':' have meanings in targets)";

	private RevisionIds() {
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
