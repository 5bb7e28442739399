package dev.migrations.script;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.ErrorKind;
import dev.migrations.MigrationsException;

/**
 * Loads every revision of the configured locations and Java migrations, in load order: each {@code *.sql} file
 * found recursively under a location (a directory, or a directory inside a jar for {@code classpath:}), then
 * sorted by file name in code-point order ({@link String#compareTo}), a Java migration by its simple class name,
 * ties broken by location. A file reachable twice (overlapping or repeated locations) is read once.
 */
public final class ScriptLoader {

	private static final Logger logger = LoggerFactory.getLogger(ScriptLoader.class);

	private static final Comparator<RevisionScript> LOAD_ORDER = Comparator.comparing(RevisionScript::sortKey)
		.thenComparing(RevisionScript::location);

	private final ClassLoader classLoader;

	private final Set<String> seen = new HashSet<>();

	private final List<RevisionScript> scripts = new ArrayList<>();

	private ScriptLoader(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	/**
	 * Loads the scripts of every location and the given Java migrations. A {@code filesystem:} location must be an
	 * existing directory; a {@code classpath:} location that the class loader does not have yields no scripts
	 * (the default location may simply not exist yet). Graph rules (duplicate ids, dangling references) are not
	 * checked here.
	 * @return the scripts in load order
	 * @throws ScriptException for a script or Java migration that can't be read or parsed
	 * @throws MigrationsException ({@link ErrorKind#CONFIG}) for a missing {@code filesystem:} directory, or a
	 * class path location served by URLs that can't be listed
	 */
	public static List<RevisionScript> load(List<Location> locations, ClassLoader classLoader,
			List<JavaMigration> javaMigrations) {
		ScriptLoader loader = new ScriptLoader(classLoader);
		for (Location location : locations) {
			if (location.isClasspath()) {
				loader.loadClasspath(location);
			}
			else {
				loader.loadFilesystem(location);
			}
		}
		for (JavaMigration migration : javaMigrations) {
			loader.scripts.add(JavaMigrations.toScript(migration));
		}
		loader.scripts.sort(LOAD_ORDER);
		return List.copyOf(loader.scripts);
	}

	private void loadFilesystem(Location location) {
		Path directory = location.directory();
		if (!Files.exists(directory)) {
			throw new MigrationsException(ErrorKind.CONFIG,
					"Script location '" + location + "' does not exist (" + directory.toAbsolutePath() + ")",
					"Create it with 'migrations init " + location.path() + "', or fix the locations setting");
		}
		loadDirectory(directory, location);
	}

	private void loadClasspath(Location location) {
		List<URL> urls = resources(location);
		if (urls.isEmpty()) {
			logger.debug("No scripts at {}: the class loader has no such directory", location);
		}
		for (URL url : urls) {
			if ("file".equals(url.getProtocol())) {
				loadDirectory(toPath(url), location);
			}
			else {
				loadJar(url, location);
			}
		}
	}

	private List<URL> resources(Location location) {
		try {
			Enumeration<URL> found = this.classLoader.getResources(location.path());
			List<URL> urls = new ArrayList<>();
			while (found.hasMoreElements()) {
				urls.add(found.nextElement());
			}
			return urls;
		}
		catch (IOException ex) {
			throw new MigrationsException(ErrorKind.CONFIG,
					"Can't list script location '" + location + "': " + ex.getMessage(),
					"Check the class path entries that hold it", ex);
		}
	}

	private static Path toPath(URL url) {
		try {
			return Path.of(url.toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException("The class loader returned a malformed URL: " + url, ex);
		}
	}

	/** Reads every {@code .sql} file below the directory; each is named {@code location-path/relative/path.sql}. */
	private void loadDirectory(Path directory, Location location) {
		if (!Files.isDirectory(directory)) {
			throw notADirectory(location, directory.toAbsolutePath().toString());
		}
		Path root;
		List<Path> files;
		try {
			root = directory.toRealPath();
			// The walk's own attributes say which entries are files: no second look at each one.
			try (Stream<Path> walk = Files.find(root, Integer.MAX_VALUE, (path, attributes) -> isScriptName(
					path.toString()) && (attributes.isRegularFile()
							|| (attributes.isSymbolicLink() && Files.isRegularFile(path))))) {
				files = walk.toList();
			}
		}
		catch (IOException | UncheckedIOException ex) {
			throw new MigrationsException(ErrorKind.CONFIG,
					"Can't list script location '" + location + "' (" + directory + "): " + ex.getMessage(),
					"Check that the directory and its subdirectories are readable", ex);
		}
		List<String> unseen = files.stream().map(Path::toString).filter(this.seen::add).toList();
		int rootLength = root.toString().length() + 1;
		// Reading, decoding, parsing and hashing are independent per file: spread them over the cores.
		this.scripts.addAll(unseen.parallelStream().map((file) -> {
			String name = location.path() + "/" + file.substring(rootLength).replace('\\', '/');
			return parse(name, readFile(Path.of(file), name));
		}).toList());
	}

	private static byte[] readFile(Path file, String name) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new ScriptException(name, 0, "can't be read: " + ex.getMessage(), "Check the file's permissions",
					ex);
		}
	}

	/** Reads every {@code .sql} entry below the location's directory inside the jar the URL points into. */
	private void loadJar(URL url, Location location) {
		try {
			URLConnection connection = url.openConnection();
			if (!(connection instanceof JarURLConnection jarConnection)) {
				throw new MigrationsException(ErrorKind.CONFIG,
						"Can't list script location '" + location + "': it is served from " + url,
						"Put the scripts in a directory or jar on the class path, or use a 'filesystem:' location");
			}
			jarConnection.setUseCaches(false);
			try (JarFile jar = jarConnection.getJarFile()) {
				String directory = jarConnection.getEntryName();
				JarEntry directoryEntry = jar.getJarEntry(directory);
				if (directoryEntry != null && !directoryEntry.isDirectory()) {
					throw notADirectory(location, url.toString());
				}
				String entryPrefix = directory.endsWith("/") ? directory : directory + "/";
				List<Map.Entry<String, byte[]>> read = new ArrayList<>();
				Enumeration<JarEntry> entries = jar.entries();
				while (entries.hasMoreElements()) {
					JarEntry entry = entries.nextElement();
					String entryName = entry.getName();
					if (!entry.isDirectory() && entryName.startsWith(entryPrefix) && isScriptName(entryName)
							&& this.seen.add("jar:" + jar.getName() + "!/" + entryName)) {
						String name = location.path() + "/" + entryName.substring(entryPrefix.length());
						try (InputStream in = jar.getInputStream(entry)) {
							read.add(Map.entry(name, in.readAllBytes()));
						}
					}
				}
				this.scripts
					.addAll(read.parallelStream().map((script) -> parse(script.getKey(), script.getValue())).toList());
			}
		}
		catch (IOException ex) {
			throw new MigrationsException(ErrorKind.CONFIG,
					"Can't read script location '" + location + "' (" + url + "): " + ex.getMessage(),
					"Check that the jar on the class path is readable and not corrupt", ex);
		}
	}

	private static MigrationsException notADirectory(Location location, String where) {
		return new MigrationsException(ErrorKind.CONFIG,
				"Script location '" + location + "' is not a directory (" + where + ")",
				"Name the directory that holds the scripts, not a file");
	}

	private static boolean isScriptName(String name) {
		return name.regionMatches(true, name.length() - 4, ".sql", 0, 4);
	}

	/** Parses the file's text; most scripts are ASCII, which needs no decoder. Anything but UTF-8 is an error. */
	private static RevisionScript parse(String name, byte[] bytes) {
		if (isAscii(bytes)) {
			return ScriptParser.parseAscii(name, new String(bytes, StandardCharsets.US_ASCII), bytes);
		}
		try {
			return ScriptParser.parse(name, StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
		}
		catch (CharacterCodingException ex) {
			throw new ScriptException(name, 0, "is not UTF-8 text", "Save the script in UTF-8", ex);
		}
	}

	private static boolean isAscii(byte[] bytes) {
		for (byte b : bytes) {
			if (b < 0) {
				return false;
			}
		}
		return true;
	}

}
