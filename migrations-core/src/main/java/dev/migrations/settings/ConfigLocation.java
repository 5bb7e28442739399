package dev.migrations.settings;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;

/**
 * One place Spring Boot reads the application's configuration from, written as {@code spring.config.location} writes
 * it: a directory (ending in {@code /}) holding {@code application.*}, a directory ending in {@code *}{@code /} whose
 * subdirectories each hold one, or a file; on the file system ({@code file:} or no prefix, relative to the working
 * directory) or in the project's {@code src/main/resources}, standing in for the class path ({@code classpath:});
 * required unless {@code optional:}.
 *
 * @param text the location as written, for messages
 * @param path the directory or file; for subdirectories, their parent
 * @param kind what the path is
 * @param optional whether it may be missing
 */
record ConfigLocation(String text, Path path, Kind kind, boolean optional) {

	/** The extensions Spring Boot reads in one directory, in this order, later files winning. */
	static final List<String> EXTENSIONS = List.of("yaml", "yml", "properties");

	private static final String OPTIONAL = "optional:";

	private static final String CLASSPATH = "classpath:";

	private static final String FILE = "file:";

	/** A prefix such as {@code configtree:} or {@code https:}; one letter is a Windows drive. */
	private static final Pattern OTHER_PREFIX = Pattern.compile("^[a-zA-Z][a-zA-Z0-9*]+:.*");

	private static final String CONFIG_NAME = "application";

	/** What a location's path is. */
	enum Kind {

		/** A file, read as it is, with {@code <name>-<profile>.<extension>} beside it for a profile. */
		FILE,

		/** A directory with {@code application.*} and {@code application-<profile>.*}. */
		DIRECTORY,

		/** Each subdirectory of a directory, in name order, as a {@link #DIRECTORY}. */
		SUBDIRECTORIES

	}

	/**
	 * Reads a location as written in {@code source}.
	 * @param directory the working directory, which is also the project's
	 * @throws MigrationsException for a prefix other than {@code optional:}, {@code file:} and {@code classpath:}, a
	 * misplaced {@code *}, or a file whose extension is not {@code .properties}, {@code .yml} or {@code .yaml}
	 */
	static ConfigLocation parse(String text, Path directory, String source) {
		boolean optional = text.startsWith(OPTIONAL);
		String location = optional ? text.substring(OPTIONAL.length()) : text;
		boolean classpath = location.startsWith(CLASSPATH);
		if (classpath) {
			location = location.substring(CLASSPATH.length());
		}
		else if (location.startsWith(FILE)) {
			location = location.substring(FILE.length());
		}
		else if (OTHER_PREFIX.matcher(location).matches()) {
			throw invalid(text, source, "only file: and classpath: locations are read",
					"Give a file path or a directory ending in /, as file:./config/ or /etc/app/application.yml");
		}
		boolean isDirectory = location.endsWith("/") || location.endsWith(File.separator);
		int wildcard = location.indexOf('*');
		if (wildcard >= 0 && (wildcard != location.length() - 2 || !isDirectory)) {
			throw invalid(text, source, "a wildcard may only stand for the last directory, as in config/*/",
					"Write one * as a directory of its own at the end: file:./config/*/");
		}
		if (!isDirectory && extension(location) == null) {
			throw invalid(text, source, "a file must end in .properties, .yml or .yaml",
					"End a directory with / (file:./config/), or name a .properties, .yml or .yaml file");
		}
		String within = (wildcard >= 0) ? location.substring(0, wildcard) : location;
		Path path = classpath ? directory.resolve(ProjectProperties.RESOURCES).resolve(within.replaceFirst("^/+", ""))
				: directory.resolve(within);
		Kind kind = (wildcard >= 0) ? Kind.SUBDIRECTORIES : isDirectory ? Kind.DIRECTORY : Kind.FILE;
		return new ConfigLocation(text, path.normalize(), kind, optional);
	}

	/**
	 * The files to read here that exist, lowest precedence first: Spring Boot's order, the extensions in
	 * {@link #EXTENSIONS} order, and under a wildcard each extension in every subdirectory before the next.
	 * @param profile the profile whose files to list; {@code null} for the plain ones
	 */
	List<Path> files(String profile) {
		String suffix = (profile != null) ? "-" + profile : "";
		return switch (this.kind) {
			case FILE -> {
				String name = this.path.getFileName().toString();
				String extension = extension(name);
				Path file = this.path.resolveSibling(
						name.substring(0, name.length() - extension.length() - 1) + suffix + "." + extension);
				yield Files.isRegularFile(file) ? List.of(file) : List.of();
			}
			case DIRECTORY -> existing(List.of(this.path), suffix);
			case SUBDIRECTORIES -> existing(subdirectories(), suffix);
		};
	}

	/**
	 * Fails when this required location is missing: a file or directory that does not exist, or a wildcard's
	 * directory without subdirectories.
	 * @param source where the location was given, for the message
	 */
	void requirePresent(String source) {
		if (this.optional) {
			return;
		}
		boolean present = switch (this.kind) {
			case FILE -> Files.isRegularFile(this.path);
			case DIRECTORY -> Files.isDirectory(this.path);
			case SUBDIRECTORIES -> !subdirectories().isEmpty();
		};
		if (!present) {
			String problem = switch (this.kind) {
				case FILE -> "no such file";
				case DIRECTORY -> "no such directory";
				case SUBDIRECTORIES -> "no subdirectories to read";
			};
			throw invalid(this.text, source, problem,
					"Create it, or write the location as optional:" + this.text + " to read it only when it is there");
		}
	}

	private static List<Path> existing(List<Path> directories, String suffix) {
		List<Path> files = new ArrayList<>();
		for (String extension : EXTENSIONS) {
			for (Path directory : directories) {
				Path file = directory.resolve(CONFIG_NAME + suffix + "." + extension);
				if (Files.isRegularFile(file)) {
					files.add(file);
				}
			}
		}
		return files;
	}

	/** The subdirectories in path order, those named {@code ..*} (Kubernetes' mounts) left out, as Spring Boot does. */
	private List<Path> subdirectories() {
		if (!Files.isDirectory(this.path)) {
			return List.of();
		}
		try (Stream<Path> children = Files.list(this.path)) {
			return children.filter(Files::isDirectory)
				.filter((child) -> !child.getFileName().toString().startsWith(".."))
				.sorted(Comparator.comparing((child) -> child.toAbsolutePath().toString()))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + this.path, ex);
		}
	}

	/** The file's extension if it is one of {@link #EXTENSIONS}, else {@code null}. */
	private static String extension(String file) {
		int dot = file.lastIndexOf('.');
		return (dot >= 0 && EXTENSIONS.contains(file.substring(dot + 1))) ? file.substring(dot + 1) : null;
	}

	private static MigrationsException invalid(String text, String source, String problem, String hint) {
		return new MigrationsException(ErrorKind.CONFIG,
				"Config location '" + text + "' in " + source + ": " + problem, hint);
	}

}
