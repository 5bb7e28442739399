package dev.migrations.script;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrations.graph.Revision;

/**
 * Reads the text of one {@code .sql} revision script (contract §2) into a {@link RevisionScript}.
 *
 * <p>
 * <b>Layout.</b> A UTF-8 byte order mark is ignored and {@code \r\n} and {@code \r} count as {@code \n}. The
 * <em>header</em> is the first block of {@code --} comment lines (blank lines before it are skipped); it ends at
 * the first line that is not a {@code --} comment. In it, a line {@code -- Key: value} sets a field: keys are
 * case-insensitive, key and value are trimmed, and a comment without a colon is just a comment. A {@code Key:} that
 * is no known key but spelled like one is an error naming the key it resembles ({@code Revise}, {@code Mesage},
 * {@code Branch Label}, {@code DependsOn}): a misspelled {@code Revises} would otherwise silently make a second root.
 * "Spelled like one" means that, ignoring case, blanks, {@code _} and {@code -}, it is within two edits (insert,
 * delete, change or swap a letter) of a known key, or the start, five letters or more, of one. Any other
 * {@code Word: text} line ({@code -- Note: ...}, {@code -- Author: ...}) stays a comment: an error for every such
 * line would reject the free comments headers commonly hold, while a near miss of a key is almost never meant as
 * prose. Below the header, blank lines and {@code --} comments may come before the upgrade marker; any other
 * text there is an error. The markers {@code -- migrate:upgrade} and {@code -- migrate:downgrade} are whole
 * lines, matched case-insensitively with the space after {@code --} and around the line optional. Each marker
 * appears at most once, upgrade first. The upgrade marker is required; without a downgrade marker the revision is
 * irreversible. A section's text runs from the line after its marker up to the next marker (or the end of the
 * file); an empty section is a valid no-op.
 *
 * <p>
 * <b>Fields.</b> {@code Revision ID} is required (1 to 64 letters, digits, {@code _} or {@code -}).
 * {@code Revises}, {@code Branch Labels} and {@code Depends On} are comma-separated lists, empty or absent for
 * none. {@code Transactional} is {@code true} (the default) or {@code false}. {@code Create Date} and
 * {@code Lint Ignore} (read by {@code lint}) are kept as written. {@code Lock Timeout} and
 * {@code Statement Timeout} override the run's timeouts for the revision: a duration with its unit ({@code 500ms},
 * {@code 5s}, {@code 2m}, {@code 1h}), or {@code 0} for no limit. {@code Message} with nothing after it is an empty
 * message; without the line, the message comes from the file name: {@code .sql}, a leading
 * {@code yyyyMMdd_HHmm_} and a leading {@code <revision id>_} are dropped and runs of {@code _} read as one space
 * ({@code 20261121_1430_3f2a9c1b7d4e_add_users.sql} gives {@code add users}).
 *
 * <p>
 * <b>Checksum.</b> The lower-case hex SHA-256 of the UTF-8 bytes of the upgrade section's text, followed, for a
 * script with a downgrade section, by {@code "\n-- migrate:downgrade\n"} and the downgrade section's text. Each
 * section's text has its line endings normalised to {@code \n} and leading and trailing whitespace removed
 * ({@link String#strip()}). So the header, comments above the upgrade marker, blank lines around a section and the
 * file's line-ending style do not change the checksum; a change to any statement does, as does adding or removing
 * the downgrade section.
 */
public final class ScriptParser {

	private static final String UPGRADE_MARKER = "-- migrate:upgrade";

	private static final String DOWNGRADE_MARKER = "-- migrate:downgrade";

	private static final String CHECKSUM_SEPARATOR = "\n" + DOWNGRADE_MARKER + "\n";

	private static final byte[] CHECKSUM_SEPARATOR_BYTES = CHECKSUM_SEPARATOR.getBytes(StandardCharsets.UTF_8);

	private static final MessageDigest SHA_256 = newSha256();

	private static final Pattern TIMEOUT = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)?", Pattern.CASE_INSENSITIVE);

	private final String location;

	private final String text;

	/** The text's bytes when they are its UTF-8 encoding offset for offset (ASCII, nothing normalised), else null. */
	private final byte[] asciiBytes;

	private final int[] keyLines = new int[HeaderKey.values().length];

	private String revisionId;

	private List<String> revises = List.of();

	private String createDate;

	private String message;

	private List<String> branchLabels = List.of();

	private List<String> dependsOn = List.of();

	private boolean transactional = true;

	private HeaderField lintIgnore;

	private Duration lockTimeout;

	private Duration statementTimeout;

	private int firstStatementLine;

	private int upgradeLine;

	private int upgradeStart;

	private int upgradeEnd;

	private int downgradeLine;

	private int downgradeStart;

	private ScriptParser(String location, String text, byte[] asciiBytes) {
		this.location = location;
		this.text = text;
		this.asciiBytes = asciiBytes;
	}

	/**
	 * Parses one script.
	 * @param location where the script is, as messages should name it ({@code db/migrations/x.sql}); its last path
	 * segment is the script's sort key
	 * @param text the file's text
	 * @throws ScriptException for a missing {@code Revision ID} or {@code -- migrate:upgrade}, a bad field value, a
	 * field given twice, markers out of order or repeated, or statements above the upgrade marker
	 */
	public static RevisionScript parse(String location, String text) {
		String normalised = normalise(text);
		return new ScriptParser(location, normalised, null).read();
	}

	/**
	 * Parses one script read as bytes that are all ASCII, which {@code text} decodes: where the text needed no
	 * normalising, the checksum is then computed from the bytes themselves, without copying a section. The bytes
	 * may run on past the text (a buffer reused from file to file); they are read during this call only.
	 */
	static RevisionScript parseAscii(String location, String text, byte[] bytes) {
		String normalised = normalise(text);
		return new ScriptParser(location, normalised, (normalised == text) ? bytes : null).read();
	}

	private static String normalise(String text) {
		String body = (!text.isEmpty() && text.charAt(0) == '\uFEFF') ? text.substring(1) : text;
		return (body.indexOf('\r') < 0) ? body : body.replace("\r\n", "\n").replace('\r', '\n');
	}

	private RevisionScript read() {
		int length = this.text.length();
		int position = 0;
		int lineNumber = 0;
		boolean headerOpen = true;
		boolean headerStarted = false;
		while (position < length) {
			int end = this.text.indexOf('\n', position);
			end = (end < 0) ? length : end;
			lineNumber++;
			int contentStart = skipBlanks(position, end);
			if (this.text.startsWith("--", contentStart)) {
				// The comment's text, without the dashes and the blanks around it: offsets, not a copy.
				int commentStart = skipBlanks(contentStart + 2, end);
				int commentEnd = skipBlanksBackwards(commentStart, end);
				if (textIs(commentStart, commentEnd, "migrate:upgrade")) {
					upgradeMarker(lineNumber, end);
				}
				else if (textIs(commentStart, commentEnd, "migrate:downgrade")) {
					downgradeMarker(lineNumber, position, end);
				}
				else if (headerOpen && this.upgradeLine == 0) {
					headerStarted = true;
					headerLine(commentStart, commentEnd, lineNumber);
				}
			}
			else if (this.upgradeLine == 0 && (contentStart < end || headerStarted)) {
				headerOpen = false;
				if (contentStart < end && this.firstStatementLine == 0) {
					this.firstStatementLine = lineNumber;
				}
			}
			position = end + 1;
		}
		return build();
	}

	private int skipBlanks(int from, int end) {
		int index = from;
		while (index < end && Character.isWhitespace(this.text.charAt(index))) {
			index++;
		}
		return index;
	}

	private int skipBlanksBackwards(int start, int end) {
		int index = end;
		while (index > start && Character.isWhitespace(this.text.charAt(index - 1))) {
			index--;
		}
		return index;
	}

	/** Whether the text between the offsets is {@code expected}, ignoring case. */
	private boolean textIs(int start, int end, String expected) {
		return end - start == expected.length() && this.text.regionMatches(true, start, expected, 0, end - start);
	}

	private void upgradeMarker(int lineNumber, int lineEnd) {
		if (this.upgradeLine > 0) {
			throw duplicateMarker(UPGRADE_MARKER, lineNumber, this.upgradeLine);
		}
		if (this.firstStatementLine > 0) {
			throw new ScriptException(this.location, this.firstStatementLine, "text above '" + UPGRADE_MARKER + "'",
					"Move it below '" + UPGRADE_MARKER + "', or make it a '--' comment");
		}
		this.upgradeLine = lineNumber;
		this.upgradeStart = Math.min(lineEnd + 1, this.text.length());
	}

	private void downgradeMarker(int lineNumber, int lineStart, int lineEnd) {
		if (this.downgradeLine > 0) {
			throw duplicateMarker(DOWNGRADE_MARKER, lineNumber, this.downgradeLine);
		}
		if (this.upgradeLine == 0) {
			throw new ScriptException(this.location, lineNumber,
					"'" + DOWNGRADE_MARKER + "' comes before '" + UPGRADE_MARKER + "'",
					"Put the upgrade section first: '" + UPGRADE_MARKER + "' and its statements, then '"
							+ DOWNGRADE_MARKER + "' and its statements");
		}
		this.upgradeEnd = lineStart;
		this.downgradeLine = lineNumber;
		this.downgradeStart = Math.min(lineEnd + 1, this.text.length());
	}

	private ScriptException duplicateMarker(String marker, int lineNumber, int firstLine) {
		return new ScriptException(this.location, lineNumber,
				"second '" + marker + "' (the first is on line " + firstLine + ")",
				"Keep one '" + marker + "' line: a script has one upgrade section and at most one downgrade section");
	}

	private void headerLine(int start, int end, int lineNumber) {
		int colon = this.text.indexOf(':', start);
		HeaderKey key = (colon > start && colon < end) ? keyAt(start, skipBlanksBackwards(start, colon)) : null;
		if (key == null) {
			if (colon > start && colon < end) {
				rejectMisspelledKey(this.text.substring(start, skipBlanksBackwards(start, colon)), lineNumber);
			}
			return;
		}
		int firstLine = this.keyLines[key.ordinal()];
		if (firstLine > 0) {
			throw new ScriptException(this.location, lineNumber,
					"'" + key.label + "' is given twice (first on line " + firstLine + ")",
					"Keep one '-- " + key.label + ":' line in the header");
		}
		this.keyLines[key.ordinal()] = lineNumber;
		String value = this.text.substring(skipBlanks(colon + 1, end), end);
		switch (key) {
			case REVISION_ID -> this.revisionId = revisionId(value, lineNumber);
			case REVISES -> this.revises = list(value);
			case CREATE_DATE -> this.createDate = value.isEmpty() ? null : value;
			case MESSAGE -> this.message = value;
			case BRANCH_LABELS -> this.branchLabels = branchLabels(value, lineNumber);
			case DEPENDS_ON -> this.dependsOn = list(value);
			case TRANSACTIONAL -> this.transactional = transactional(value, lineNumber);
			case LINT_IGNORE -> this.lintIgnore = new HeaderField(value, lineNumber);
			case LOCK_TIMEOUT -> this.lockTimeout = timeout(key, value, lineNumber);
			case STATEMENT_TIMEOUT -> this.statementTimeout = timeout(key, value, lineNumber);
		}
	}

	/** The header key spelled (in any case) between the offsets, or {@code null} for none. */
	private HeaderKey keyAt(int start, int end) {
		for (HeaderKey key : HeaderKey.ALL) {
			if (textIs(start, end, key.label)) {
				return key;
			}
		}
		return null;
	}

	private void rejectMisspelledKey(String written, int lineNumber) {
		HeaderKey meant = HeaderKey.resembledBy(written);
		if (meant != null) {
			throw new ScriptException(this.location, lineNumber,
					"unknown header key '" + written + "': did you mean '" + meant.label + "'?",
					"Write '-- " + meant.label + ": ...'; if the line is a comment, reword it so it does not read as"
							+ " a header key");
		}
	}

	private String revisionId(String value, int lineNumber) {
		if (!RevisionIds.isValid(value)) {
			throw new ScriptException(this.location, lineNumber,
					"'Revision ID' must be " + RevisionIds.RULE + ", not '" + value + "'",
					"Write an id such as '-- Revision ID: " + ScriptWriter.newRevisionId() + "'");
		}
		if (RevisionIds.isReserved(value)) {
			throw new ScriptException(this.location, lineNumber,
					"'Revision ID' cannot be '" + value + "': base, head and heads name targets",
					"Write an id such as '-- Revision ID: " + ScriptWriter.newRevisionId() + "'");
		}
		return value;
	}

	private List<String> branchLabels(String value, int lineNumber) {
		List<String> labels = list(value);
		for (String label : labels) {
			if (!RevisionIds.isValid(label) || RevisionIds.isReserved(label)) {
				throw new ScriptException(this.location, lineNumber,
						"branch label '" + label + "' is not valid: " + RevisionIds.problem(label),
						"Rename the label, e.g. '-- Branch Labels: " + suggestedLabel(label) + "'");
			}
		}
		return labels;
	}

	/** The label with every character the rule refuses turned into {@code _}, for the hint. */
	private static String suggestedLabel(String label) {
		String cleaned = label.replaceAll("[^A-Za-z0-9_]+", "_");
		return (cleaned.isEmpty() || RevisionIds.isReserved(cleaned)) ? "my_branch" : cleaned;
	}

	private boolean transactional(String value, int lineNumber) {
		if (value.equalsIgnoreCase("true")) {
			return true;
		}
		if (value.equalsIgnoreCase("false")) {
			return false;
		}
		throw new ScriptException(this.location, lineNumber,
				"'Transactional' must be true or false, not '" + value + "'",
				"Write '-- Transactional: false' to run this revision outside a transaction, or leave the line out");
	}

	/** A duration with its unit ({@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}), or {@code 0} for no limit. */
	private Duration timeout(HeaderKey key, String value, int lineNumber) {
		Matcher matcher = TIMEOUT.matcher(value);
		if (!matcher.matches() || (matcher.group(2) == null && Long.parseLong(matcher.group(1)) != 0)) {
			throw new ScriptException(this.location, lineNumber,
					"'" + key.label + "' must be a duration with its unit, such as 500ms, 5s or 2m (or 0 for no limit), not '"
							+ value + "'",
					"Write '-- " + key.label + ": 5s'");
		}
		long amount = Long.parseLong(matcher.group(1));
		String unit = (matcher.group(2) != null) ? matcher.group(2).toLowerCase(Locale.ROOT) : "ms";
		return switch (unit) {
			case "s" -> Duration.ofSeconds(amount);
			case "m" -> Duration.ofMinutes(amount);
			case "h" -> Duration.ofHours(amount);
			default -> Duration.ofMillis(amount);
		};
	}

	private static List<String> list(String value) {
		List<String> items = new ArrayList<>();
		int start = 0;
		while (start <= value.length()) {
			int comma = value.indexOf(',', start);
			int end = (comma < 0) ? value.length() : comma;
			String item = value.substring(start, end).strip();
			if (!item.isEmpty()) {
				items.add(item);
			}
			start = end + 1;
		}
		return items;
	}

	private RevisionScript build() {
		if (this.revisionId == null) {
			throw new ScriptException(this.location, 0, "no 'Revision ID' in the header",
					"Add '-- Revision ID: " + ScriptWriter.newRevisionId()
							+ "' (or another unique id) as the first line of the script");
		}
		if (this.upgradeLine == 0) {
			throw new ScriptException(this.location, 0, "no '" + UPGRADE_MARKER + "' line",
					"Put '" + UPGRADE_MARKER + "' on a line of its own below the header, above the upgrade statements");
		}
		boolean reversible = this.downgradeLine > 0;
		String upgradeSql = this.text.substring(this.upgradeStart, reversible ? this.upgradeEnd : this.text.length());
		String downgradeSql = reversible ? this.text.substring(this.downgradeStart) : null;
		String fileName = fileName(this.location);
		String resolvedMessage = (this.message != null) ? this.message : messageFromFileName(fileName);
		Revision revision = new Revision(this.revisionId, this.revises, this.dependsOn, this.branchLabels,
				resolvedMessage, this.location);
		return new RevisionScript(revision, fileName, this.location,
				new MigrationBody.Sql(upgradeSql, this.upgradeLine + 1),
				reversible ? new MigrationBody.Sql(downgradeSql, this.downgradeLine + 1) : null, this.transactional,
				checksum(reversible ? this.upgradeEnd : this.text.length()), this.createDate, this.lintIgnore,
				new Timeouts(this.lockTimeout, this.statementTimeout));
	}

	private static String fileName(String location) {
		int slash = Math.max(location.lastIndexOf('/'), location.lastIndexOf('\\'));
		return location.substring(slash + 1);
	}

	private String messageFromFileName(String fileName) {
		String stem = fileName;
		if (stem.regionMatches(true, stem.length() - 4, ".sql", 0, 4)) {
			stem = stem.substring(0, stem.length() - 4);
		}
		if (hasTimestampPrefix(stem)) {
			stem = stem.substring(Math.min(14, stem.length()));
		}
		if (stem.equals(this.revisionId)) {
			stem = "";
		}
		else if (stem.startsWith(this.revisionId + "_")) {
			stem = stem.substring(this.revisionId.length() + 1);
		}
		StringBuilder words = new StringBuilder(stem.length());
		for (int i = 0; i < stem.length(); i++) {
			char c = stem.charAt(i);
			if (c != '_') {
				words.append(c);
			}
			else if (words.length() > 0 && words.charAt(words.length() - 1) != ' ') {
				words.append(' ');
			}
		}
		return words.toString().strip();
	}

	/** Whether the name starts with {@code yyyyMMdd_HHmm}, alone or followed by {@code _}. */
	private static boolean hasTimestampPrefix(String stem) {
		if (stem.length() < 13 || (stem.length() > 13 && stem.charAt(13) != '_') || stem.charAt(8) != '_') {
			return false;
		}
		for (int i = 0; i < 13; i++) {
			if (i != 8 && !(stem.charAt(i) >= '0' && stem.charAt(i) <= '9')) {
				return false;
			}
		}
		return true;
	}

	private String checksum(int upgradeEnd) {
		MessageDigest digest = sha256();
		digestSection(digest, this.upgradeStart, upgradeEnd);
		if (this.downgradeLine > 0) {
			digest.update(CHECKSUM_SEPARATOR_BYTES);
			digestSection(digest, this.downgradeStart, this.text.length());
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	/** Adds the section's text, without the blanks around it, as UTF-8. */
	private void digestSection(MessageDigest digest, int start, int end) {
		int from = skipBlanks(start, end);
		int to = skipBlanksBackwards(from, end);
		if (this.asciiBytes != null) {
			digest.update(this.asciiBytes, from, to - from);
		}
		else {
			digest.update(this.text.substring(from, to).getBytes(StandardCharsets.UTF_8));
		}
	}

	/** A new SHA-256 digest: a copy of one looked up once, as the provider lookup costs more than hashing a script. */
	private static MessageDigest sha256() {
		try {
			return (MessageDigest) SHA_256.clone();
		}
		catch (CloneNotSupportedException ex) {
			return newSha256();
		}
	}

	private static MessageDigest newSha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/** The header keys the parser knows, by their canonical spelling. */
	private enum HeaderKey {

		REVISION_ID("Revision ID"), REVISES("Revises"), CREATE_DATE("Create Date"), MESSAGE("Message"),
		BRANCH_LABELS("Branch Labels"), DEPENDS_ON("Depends On"), TRANSACTIONAL("Transactional"),
		LINT_IGNORE("Lint Ignore"), LOCK_TIMEOUT("Lock Timeout"), STATEMENT_TIMEOUT("Statement Timeout");

		private static final HeaderKey[] ALL = values();

		/** Edits (optimal string alignment distance) within which a written key counts as a misspelling. */
		private static final int MAX_EDITS = 2;

		/** The shortest start of a key that counts as the key cut short ({@code Branch} for {@code Branch Labels}). */
		private static final int MIN_PREFIX = 5;

		private final String label;

		private final String folded;

		HeaderKey(String label) {
			this.label = label;
			this.folded = fold(label);
		}

		/**
		 * The key a written key that is none of them resembles, or {@code null} when it resembles none: it is then a
		 * comment such as {@code Note: ...}. Only {@code Key: value} lines whose key is words are considered.
		 */
		static HeaderKey resembledBy(String written) {
			if (!written.matches("[A-Za-z][A-Za-z0-9 _-]*")) {
				return null;
			}
			String folded = fold(written);
			HeaderKey nearest = null;
			int nearestEdits = Integer.MAX_VALUE;
			for (HeaderKey key : ALL) {
				int edits = (folded.length() >= MIN_PREFIX && key.folded.startsWith(folded)) ? 0
						: edits(folded, key.folded);
				if (edits <= MAX_EDITS && edits < nearestEdits) {
					nearest = key;
					nearestEdits = edits;
				}
			}
			return nearest;
		}

		private static String fold(String key) {
			return key.replaceAll("[\\s_-]", "").toLowerCase(Locale.ROOT);
		}

		/** Insertions, deletions, changes and swaps of adjacent letters that turn {@code a} into {@code b}. */
		private static int edits(String a, String b) {
			int[][] d = new int[a.length() + 1][b.length() + 1];
			for (int i = 0; i <= a.length(); i++) {
				d[i][0] = i;
			}
			for (int j = 0; j <= b.length(); j++) {
				d[0][j] = j;
			}
			for (int i = 1; i <= a.length(); i++) {
				for (int j = 1; j <= b.length(); j++) {
					int change = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
					d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + change);
					if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
						d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
					}
				}
			}
			return d[a.length()][b.length()];
		}

	}

}
