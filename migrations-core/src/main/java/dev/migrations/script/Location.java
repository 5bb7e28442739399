package dev.migrations.script;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;

/**
 * Where scripts are read from: a directory on the class path ({@code classpath:db/migrations}) or in the file
 * system ({@code filesystem:/some/dir}, or a bare path). {@link #toString()} gives the prefixed form back.
 *
 * @param kind class path or file system
 * @param path the directory, without a trailing slash; for the class path also without a leading one
 */
public record Location(Kind kind, String path) {

	/** Where a location's directory lives. */
	public enum Kind {

		CLASSPATH("classpath:"), FILESYSTEM("filesystem:");

		private final String prefix;

		Kind(String prefix) {
			this.prefix = prefix;
		}

		public String prefix() {
			return this.prefix;
		}

	}

	private static final String HINT = "Write 'classpath:db/migrations', 'filesystem:/some/dir' "
			+ "or a plain directory path";

	/**
	 * Parses {@code classpath:path}, {@code filesystem:path} or a bare path (a file system path; a one-letter
	 * prefix such as {@code C:} is a Windows drive). Prefixes are case-insensitive.
	 * @throws MigrationsException ({@link ErrorKind#CONFIG}) for an empty location, an unknown prefix such as
	 * {@code file:} or a prefix with no path after it
	 */
	public static Location parse(String location) {
		String text = (location != null) ? location.strip() : "";
		if (text.isEmpty()) {
			throw new MigrationsException(ErrorKind.CONFIG, "Script location is empty", HINT);
		}
		int colon = text.indexOf(':');
		if (colon > 1 && isScheme(text.substring(0, colon))) {
			String prefix = text.substring(0, colon + 1).toLowerCase(Locale.ROOT);
			String path = text.substring(colon + 1);
			if (prefix.equals(Kind.CLASSPATH.prefix)) {
				return of(Kind.CLASSPATH, trimSlashes(path, true), text);
			}
			if (prefix.equals(Kind.FILESYSTEM.prefix)) {
				return of(Kind.FILESYSTEM, trimSlashes(path, false), text);
			}
			throw new MigrationsException(ErrorKind.CONFIG,
					"Script location '" + text + "' has an unknown prefix '" + text.substring(0, colon + 1) + "'",
					HINT);
		}
		return of(Kind.FILESYSTEM, trimSlashes(text, false), text);
	}

	/** Parses each location in turn, as {@link #parse(String)} does. */
	public static List<Location> parseAll(List<String> locations) {
		return locations.stream().map(Location::parse).toList();
	}

	public boolean isClasspath() {
		return this.kind == Kind.CLASSPATH;
	}

	/**
	 * The directory of a file system location.
	 * @throws IllegalStateException for a class path location
	 */
	public Path directory() {
		if (isClasspath()) {
			throw new IllegalStateException(this + " is not a file system location");
		}
		return Path.of(this.path);
	}

	@Override
	public String toString() {
		return this.kind.prefix + this.path;
	}

	private static Location of(Kind kind, String path, String text) {
		if (path.isEmpty()) {
			throw new MigrationsException(ErrorKind.CONFIG, "Script location '" + text + "' names no directory", HINT);
		}
		return new Location(kind, path);
	}

	private static boolean isScheme(String candidate) {
		for (int i = 0; i < candidate.length(); i++) {
			char c = candidate.charAt(i);
			boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
			if (!letter && (i == 0 || !((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))) {
				return false;
			}
		}
		return true;
	}

	private static String trimSlashes(String path, boolean leadingToo) {
		String trimmed = path.strip();
		int start = 0;
		int end = trimmed.length();
		while (leadingToo && start < end && trimmed.charAt(start) == '/') {
			start++;
		}
		while (end - start > 1 && isSlash(trimmed.charAt(end - 1)) && trimmed.charAt(end - 2) != ':') {
			end--;
		}
		return trimmed.substring(start, end);
	}

	private static boolean isSlash(char c) {
		return c == '/' || c == '\\';
	}

}
