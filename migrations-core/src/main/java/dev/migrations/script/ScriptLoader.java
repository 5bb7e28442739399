package dev.migrations.script;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.IntStream;

import dev.migrations.config.MigrationsConfig;
import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import org.slf4j.LoggerFactory;

/**
 * Loads every revision of the configured locations and Java migrations, in load order: each {@code *.sql} file
 * found recursively under a location (a directory, or a directory inside a jar for {@code classpath:}), then
 * sorted by file name in code-point order ({@link String#compareTo}), a Java migration by its simple class name,
 * ties broken by location. A file reachable twice (overlapping or repeated locations) is read once.
 */
public final class ScriptLoader {

	private static final Comparator<RevisionScript> LOAD_ORDER = Comparator.comparing(RevisionScript::sortKey)
		.thenComparing(RevisionScript::location);

	/** How many slices each core's share of the files is cut into, so that a core done early takes another's. */
	private static final int SLICES_PER_CORE = 4;

	/** What lenient UTF-8 decoding puts in place of a malformed byte. */
	private static final char REPLACEMENT = '\uFFFD';

	private final ClassLoader classLoader;

	/** The jar entries read so far, as {@code jar:<jar>!/<entry>}. */
	private final Set<String> seenEntries = new HashSet<>();

	/** The real directories whose trees were read so far. */
	private final List<Path> roots = new ArrayList<>();

	/** The files read so far, while no tree overlaps another (a file can't be met twice till then). */
	private final List<Path> filesRead = new ArrayList<>();

	/**
	 * The paths of the files read so far, kept from the first tree that overlaps one read before (overlapping or
	 * repeated locations) on; {@code null} until then, which spares the usual single location hashing every path.
	 */
	private Set<String> seenFiles;

	private final List<RevisionScript> scripts = new ArrayList<>();

	/** The one location that may be missing: an application's scripts before it has any. */
	private static final Location DEFAULT_LOCATION = Location.parse(MigrationsConfig.DEFAULT_LOCATION);

	private ScriptLoader(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	/**
	 * Loads the scripts of every location and the given Java migrations. A location must be an existing directory,
	 * except the default {@code classpath:db/migrations}, which yields no scripts when the class loader does not
	 * have it (an application may have no scripts yet). Graph rules (duplicate ids, dangling references) are not
	 * checked here.
	 * @return the scripts in load order
	 * @throws ScriptException for a script or Java migration that can't be read or parsed
	 * @throws MigrationsException ({@link ErrorKind#CONFIG}) for a missing directory, or a class path location
	 * served by URLs that can't be listed
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
			if (!location.equals(DEFAULT_LOCATION)) {
				throw new MigrationsException(ErrorKind.CONFIG,
						"Script location '" + location + "' does not exist on the class path",
						"Create it (src/main/resources/" + location.path()
								+ " in a Maven or Gradle project), or fix the locations setting");
			}
			// The logger is looked up here rather than held: a load that never logs then never initializes SLF4J,
			// which is a noticeable part of a short command's time.
			LoggerFactory.getLogger(ScriptLoader.class)
				.debug("No scripts at {}: the class loader has no such directory", location);
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
		Path root = realPath(directory, location);
		if (this.seenFiles == null && overlapsATreeRead(root)) {
			this.seenFiles = new HashSet<>();
			this.filesRead.forEach((file) -> this.seenFiles.add(file.toString()));
		}
		this.roots.add(root);
		loadTree(root, root, location);
	}

	private record NamedFile(String name, Path path) {
	}

	private static Path realPath(Path directory, Location location) {
		try {
			return directory.toRealPath();
		}
		catch (IOException ex) {
			throw unlistable(location, directory, ex);
		}
	}

	private boolean overlapsATreeRead(Path root) {
		for (Path read : this.roots) {
			if (read.startsWith(root) || root.startsWith(read)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Reads the scripts below one directory of the location. A directory listing does not say which entries are
	 * files, and asking costs a system call per entry: so a script's name is simply read (a directory that has one
	 * is found when reading fails), and only other names are asked whether they are a directory to descend into.
	 */
	private void loadTree(Path root, Path directory, Location location) {
		List<NamedFile> named = new ArrayList<>();
		List<Path> directories = new ArrayList<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
			for (Path entry : entries) {
				String fileName = entry.getFileName().toString();
				if (isScriptName(fileName)) {
					named.add(new NamedFile(fileName, entry));
				}
				else if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
					directories.add(entry);
				}
			}
		}
		catch (IOException | DirectoryIteratorException ex) {
			throw unlistable(location, directory, ex);
		}
		// Read in name order, the scripts come out nearly in load order, which the final sort then merely checks
		// (sorted here, the names lie together in memory; the scripts' keys lie scattered among their texts), and
		// their revisions lie in memory in the order the graph's walks visit them.
		named.sort(Comparator.comparing(NamedFile::name));
		List<Path> files = named.stream().map(NamedFile::path).toList();
		int rootLength = root.toString().length() + 1;
		List<Path> unseen = files;
		if (this.seenFiles == null) {
			this.filesRead.addAll(files);
		}
		else {
			unseen = files.stream().filter((file) -> this.seenFiles.add(file.toString())).toList();
		}
		List<RevisionScript> read = readAll(unseen,
				(file) -> location.path() + "/" + file.toString().substring(rootLength).replace('\\', '/'));
		for (int i = 0; i < read.size(); i++) {
			if (read.get(i) != null) {
				this.scripts.add(read.get(i));
			}
			else if (Files.isDirectory(unseen.get(i), LinkOption.NOFOLLOW_LINKS)) {
				directories.add(unseen.get(i));
			}
		}
		for (Path subdirectory : directories) {
			loadTree(root, subdirectory, location);
		}
	}

	/**
	 * Reads, decodes, parses and hashes the files, which are independent of each other, spread over the cores in
	 * slices: each slice reads its files through one buffer, so that loading allocates little beyond what it keeps.
	 * @return for each file in order, its script, or {@code null} for what is no regular file
	 */
	private static List<RevisionScript> readAll(List<Path> files, Function<Path, String> nameOf) {
		int slices = Math.min(files.size(), SLICES_PER_CORE * Runtime.getRuntime().availableProcessors());
		return IntStream.range(0, slices).parallel().mapToObj((slice) -> {
			List<Path> part = files.subList(slice * files.size() / slices, (slice + 1) * files.size() / slices);
			ReadBuffer buffer = new ReadBuffer(ReadBuffer.LARGEST_ARRAY);
			List<RevisionScript> scripts = new ArrayList<>(part.size());
			for (Path file : part) {
				String name = nameOf.apply(file);
				scripts.add(buffer.read(file, name) ? parse(name, buffer.bytes(), buffer.length()) : null);
			}
			return scripts;
		}).flatMap(List::stream).toList();
	}

	/** A file's bytes, read into an array reused from file to file and grown when a file needs more. */
	static final class ReadBuffer {

		/** The largest array the JVM allocates everywhere, and so the largest script. */
		static final int LARGEST_ARRAY = Integer.MAX_VALUE - 8;

		private final int limit;

		private byte[] bytes;

		private int length;

		/** @param limit the most bytes a script may have */
		ReadBuffer(int limit) {
			this.limit = limit;
			this.bytes = new byte[Math.min(8 * 1024, limit)];
		}

		/**
		 * Reads the whole file.
		 * @return {@code false} for what is no regular file (a directory with a script's name, a dangling link),
		 * which the walk skips
		 * @throws ScriptException if the file can't be read or has more bytes than the limit
		 */
		boolean read(Path file, String name) {
			try (FileChannel channel = FileChannel.open(file)) {
				this.length = 0;
				while (true) {
					if (this.length == this.bytes.length) {
						if (this.length == this.limit) {
							return endsHere(channel, name);
						}
						this.bytes = Arrays.copyOf(this.bytes, (int) Math.min(2L * this.length, this.limit));
					}
					int read = channel.read(ByteBuffer.wrap(this.bytes, this.length, this.bytes.length - this.length));
					if (read < 0) {
						return true;
					}
					this.length += read;
				}
			}
			catch (IOException ex) {
				if (!Files.isRegularFile(file)) {
					return false;
				}
				throw new ScriptException(name, 0, "can't be read: " + ex.getMessage(), "Check the file's permissions",
						ex);
			}
		}

		/** {@code true} if the file ends with the bytes read, which fill the buffer to its limit. */
		private boolean endsHere(FileChannel channel, String name) throws IOException {
			if (channel.read(ByteBuffer.allocate(1)) < 0) {
				return true;
			}
			throw new ScriptException(name, 0, "is too large to load: it has more than " + this.limit + " bytes",
					"Split it into several revisions, each a script of its own");
		}

		byte[] bytes() {
			return this.bytes;
		}

		int length() {
			return this.length;
		}

	}

	private static MigrationsException unlistable(Location location, Path directory, Exception ex) {
		return new MigrationsException(ErrorKind.CONFIG,
				"Can't list script location '" + location + "' (" + directory + "): " + ex.getMessage(),
				"Check that the directory and its subdirectories are readable", ex);
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
							&& this.seenEntries.add("jar:" + jar.getName() + "!/" + entryName)) {
						String name = location.path() + "/" + entryName.substring(entryPrefix.length());
						try (InputStream in = jar.getInputStream(entry)) {
							read.add(Map.entry(name, in.readAllBytes()));
						}
					}
				}
				this.scripts
					.addAll(read.parallelStream()
						.map((script) -> parse(script.getKey(), script.getValue(), script.getValue().length))
						.toList());
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

	/**
	 * Parses the text of a file's first {@code length} bytes; most scripts are ASCII, which needs no decoder.
	 * Anything but UTF-8 is an error. The JDK's own UTF-8 decoding tells ASCII apart fastest: one character per
	 * byte, none of them a replacement.
	 */
	private static RevisionScript parse(String name, byte[] bytes, int length) {
		String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
		if (text.length() == length && text.indexOf(REPLACEMENT) < 0) {
			return ScriptParser.parseAscii(name, text, bytes);
		}
		try {
			return ScriptParser.parse(name,
					StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, 0, length)).toString());
		}
		catch (CharacterCodingException ex) {
			throw new ScriptException(name, 0, "is not UTF-8 text", "Save the script in UTF-8", ex);
		}
	}

}
