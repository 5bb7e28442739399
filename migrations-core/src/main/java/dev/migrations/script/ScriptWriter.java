package dev.migrations.script;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.graph.Revision;

/**
 * Writes new scripts for the {@code init}, {@code revision} and {@code merge} commands: the file named
 * {@code {yyyyMMdd_HHmm}_{rev}_{slug}.sql} (or {@code {yyyyMMdd_HHmm}_{rev}.sql} when the message has no slug),
 * the header filled in as contract §2 shows it, and empty upgrade and downgrade sections. Which revisions a new script
 * revises is the caller's decision.
 */
public final class ScriptWriter {

	private static final int SLUG_MAX_LENGTH = 40;

	private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

	private static final DateTimeFormatter FILE_NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd_HHmm");

	private static final DateTimeFormatter CREATE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String README = """
			# Migration scripts

			Each `.sql` file in this directory is one revision. `migrations revision -m "add users"` writes a new
			one with its header filled in; files load in file-name order.

			```sql
			-- Revision ID: 3f2a9c1b7d4e
			-- Revises: 1c0d8e7f6a5b
			-- Create Date: 2026-11-21 14:30:00
			-- Message: add user profile fields

			-- migrate:upgrade
			ALTER TABLE users ADD COLUMN bio text;

			-- migrate:downgrade
			ALTER TABLE users DROP COLUMN bio;
			```

			- The header is the leading block of `-- Key: value` lines. `Revision ID` is required; `Revises` names
			  the revision this one follows (empty for the first, comma-separated for a merge).
			- `Branch Labels` and `Depends On` are comma-separated lists; `-- Transactional: false` runs the
			  revision outside a transaction (for `CREATE INDEX CONCURRENTLY` and the like).
			- `-- migrate:upgrade` starts the statements that apply the revision, `-- migrate:downgrade` those that
			  revert it. A script without a downgrade section can't be downgraded.
			- Once a revision is applied, leave its sections alone: its checksum is recorded and a change is reported.
			""";

	private final Clock clock;

	/** @param clock the clock for file names and {@code Create Date}, in its own time zone */
	public ScriptWriter(Clock clock) {
		this.clock = clock;
	}

	/** A fresh revision id: 12 random lower-case hex digits. */
	public static String newRevisionId() {
		return HexFormat.of().toHexDigits(RANDOM.nextLong()).substring(4);
	}

	/**
	 * Writes a new script for the revision into the directory.
	 * @param directory an existing directory
	 * @param revision the header to write; its {@code source} is ignored
	 * @return the new file
	 * @throws MigrationsException {@link ErrorKind#CONFIG} for an id that breaks the revision id rule;
	 * {@link ErrorKind#IO} when the directory does not exist, the file exists already or can't be written
	 */
	public Path write(Path directory, Revision revision) {
		return write(directory, revision, "", "");
	}

	/**
	 * Writes a new script for the revision with its sections filled, as {@code revision} written from a schema diff.
	 * @param upgrade the statements of {@code -- migrate:upgrade}, empty for none
	 * @param downgrade the statements of {@code -- migrate:downgrade}, empty for none
	 * @see #write(Path, Revision)
	 */
	public Path write(Path directory, Revision revision, String upgrade, String downgrade) {
		if (!RevisionIds.isValid(revision.id()) || RevisionIds.isReserved(revision.id())) {
			throw new MigrationsException(ErrorKind.CONFIG,
					"Revision id '" + revision.id() + "' is not valid: " + RevisionIds.problem(revision.id()),
					"Pass another --rev-id, or leave it out for a random id");
		}
		for (String label : revision.branchLabels()) {
			if (!RevisionIds.isValid(label) || RevisionIds.isReserved(label)) {
				throw new MigrationsException(ErrorKind.CONFIG,
						"Branch label '" + label + "' is not valid: " + RevisionIds.problem(label),
						"Pass another --branch-label");
			}
		}
		if (!Files.isDirectory(directory)) {
			throw new MigrationsException(ErrorKind.IO, "Script directory '" + directory + "' does not exist",
					"Create it with 'migrations init " + directory + "', or name another directory");
		}
		LocalDateTime now = LocalDateTime.now(this.clock);
		String message = oneLine(revision.message());
		String slug = slug(message);
		String fileName = FILE_NAME_TIME.format(now) + "_" + revision.id() + (slug.isEmpty() ? "" : "_" + slug)
				+ ".sql";
		Path file = directory.resolve(fileName);
		try {
			Files.writeString(file, render(revision, message, now, upgrade, downgrade), StandardCharsets.UTF_8,
					StandardOpenOption.CREATE_NEW);
		}
		catch (FileAlreadyExistsException ex) {
			throw new MigrationsException(ErrorKind.IO, "Script '" + file + "' already exists",
					"Pass another --rev-id or message, or remove the existing file", ex);
		}
		catch (IOException ex) {
			throw new MigrationsException(ErrorKind.IO, "Can't write script '" + file + "': " + ex.getMessage(),
					"Check that the directory is writable", ex);
		}
		return file;
	}

	/**
	 * Creates a scripts directory (and its parents) with a {@code README.md} that explains the script format.
	 * @return the directory
	 * @throws MigrationsException ({@link ErrorKind#IO}) when it exists and is not an empty directory, or can't be
	 * created
	 */
	public static Path init(Path directory) {
		try {
			if (Files.exists(directory) && !Files.isDirectory(directory)) {
				throw new MigrationsException(ErrorKind.IO, "'" + directory + "' is a file, not a directory",
						"Name a new directory for 'init'");
			}
			if (Files.exists(directory) && !isEmpty(directory)) {
				throw new MigrationsException(ErrorKind.IO,
						"Directory '" + directory + "' already exists and is not empty",
						"Name a new directory for 'init', or empty this one");
			}
			Files.createDirectories(directory);
			Files.writeString(directory.resolve("README.md"), README, StandardCharsets.UTF_8,
					StandardOpenOption.CREATE_NEW);
			return directory;
		}
		catch (IOException ex) {
			throw new MigrationsException(ErrorKind.IO, "Can't create '" + directory + "': " + ex.getMessage(),
					"Check that the parent directory is writable", ex);
		}
	}

	/**
	 * The file-name slug of a message: accents dropped ({@code é} as {@code e}), lower-cased, each run of
	 * characters other than letters and digits as one {@code _}, without leading or trailing {@code _}, at most 40
	 * characters. Letters of other scripts stay, as Alembic keeps them.
	 */
	static String slug(String message) {
		String plain = COMBINING_MARKS.matcher(Normalizer.normalize(message, Normalizer.Form.NFD)).replaceAll("");
		StringBuilder slug = new StringBuilder(plain.length());
		for (char c : plain.toLowerCase(Locale.ROOT).toCharArray()) {
			if (Character.isLetterOrDigit(c)) {
				slug.append(c);
			}
			else if (slug.length() > 0 && slug.charAt(slug.length() - 1) != '_') {
				slug.append('_');
			}
		}
		slug.setLength(Math.min(slug.length(), SLUG_MAX_LENGTH));
		while (slug.length() > 0 && slug.charAt(slug.length() - 1) == '_') {
			slug.setLength(slug.length() - 1);
		}
		return slug.toString();
	}

	/** A header value must stay on its line: line breaks in a message become spaces. */
	private static String oneLine(String message) {
		return message.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ').strip();
	}

	private static String render(Revision revision, String message, LocalDateTime now, String upgrade,
			String downgrade) {
		StringBuilder script = new StringBuilder();
		headerLine(script, "Revision ID", revision.id());
		headerLine(script, "Revises", String.join(", ", revision.downRevisions()));
		headerLine(script, "Create Date", CREATE_DATE.format(now));
		headerLine(script, "Message", message);
		if (!revision.branchLabels().isEmpty()) {
			headerLine(script, "Branch Labels", String.join(", ", revision.branchLabels()));
		}
		if (!revision.dependsOn().isEmpty()) {
			headerLine(script, "Depends On", String.join(", ", revision.dependsOn()));
		}
		return script.append("\n-- migrate:upgrade\n")
			.append(section(upgrade))
			.append("\n-- migrate:downgrade\n")
			.append(section(downgrade))
			.append("\n")
			.toString();
	}

	private static String section(String statements) {
		return statements.isBlank() ? "" : statements.strip() + "\n";
	}

	private static void headerLine(StringBuilder script, String key, String value) {
		script.append("-- ").append(key).append(':');
		if (!value.isEmpty()) {
			script.append(' ').append(value);
		}
		script.append('\n');
	}

	private static boolean isEmpty(Path directory) throws IOException {
		try (Stream<Path> entries = Files.list(directory)) {
			return entries.findFirst().isEmpty();
		}
	}

}
