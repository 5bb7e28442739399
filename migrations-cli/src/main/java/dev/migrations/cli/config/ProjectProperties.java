package dev.migrations.cli.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;

/**
 * The settings of the Spring Boot project in a directory, read from {@code src/main/resources/application.properties}
 * and {@code application.yml} (or {@code .yaml}) the way the application reads them, so one configuration serves the
 * application and the command: environment variables override keys by Spring's relaxed names
 * ({@code SPRING_DATASOURCE_URL}), and {@code ${NAME:default}} placeholders resolve against both.
 */
public final class ProjectProperties {

	static final Path RESOURCES = Path.of("src", "main", "resources");

	/** Read in this order, later files winning: Spring gives .properties precedence over .yml in one location. */
	private static final List<String> FILES = List.of("application.yaml", "application.yml", "application.properties");

	private static final int MAX_PLACEHOLDER_DEPTH = 16;

	private final Map<String, String> values;

	/** The file each key of {@link #values} was read from, relative to the project directory. */
	private final Map<String, Path> files;

	private final Map<String, String> environment;

	private final boolean found;

	private ProjectProperties(Map<String, String> values, Map<String, Path> files, Map<String, String> environment,
			boolean found) {
		this.values = values;
		this.files = files;
		this.environment = environment;
		this.found = found;
	}

	/** Reads the project in {@code directory}; a directory without those files gives empty properties. */
	public static ProjectProperties load(Path directory, Map<String, String> environment) {
		Map<String, String> values = new LinkedHashMap<>();
		Map<String, Path> files = new LinkedHashMap<>();
		boolean found = false;
		for (String name : FILES) {
			Path file = directory.resolve(RESOURCES).resolve(name);
			if (Files.isRegularFile(file)) {
				Map<String, String> read = read(file);
				values.putAll(read);
				read.keySet().forEach((key) -> files.put(key, RESOURCES.resolve(name)));
				found = true;
			}
		}
		return new ProjectProperties(values, files, environment, found);
	}

	private static Map<String, String> read(Path file) {
		try {
			if (file.getFileName().toString().endsWith(".properties")) {
				Properties properties = new Properties();
				try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
					properties.load(reader);
				}
				Map<String, String> values = new LinkedHashMap<>();
				properties.stringPropertyNames().forEach((key) -> values.put(key, properties.getProperty(key).trim()));
				return values;
			}
			return YamlReader.read(Files.readString(file, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
	}

	/** Whether the directory is a Spring Boot project with an application configuration file. */
	public boolean found() {
		return this.found;
	}

	/** A setting, with environment overrides and placeholders applied; empty when unset or blank. */
	public Optional<String> get(String key) {
		return Optional.ofNullable(lookup(key, 0)).filter((value) -> !value.isBlank());
	}

	/**
	 * Where a setting's value comes from, as messages name it: the environment variable that overrides it
	 * ({@code SPRING_DATASOURCE_URL}), or the key and its file ({@code spring.datasource.url in
	 * src/main/resources/application.properties}).
	 */
	public String origin(String key) {
		String variable = relaxedEnvironmentName(key);
		if (this.environment.containsKey(variable)) {
			return variable;
		}
		Path file = this.files.get(key);
		return this.environment.containsKey(key) || file == null ? key
				: key + " in " + file.toString().replace('\\', '/');
	}

	/** A list setting: comma-separated, or indexed ({@code key[0]}, {@code key[1]}...). */
	public List<String> list(String key) {
		Optional<String> joined = get(key);
		if (joined.isPresent()) {
			return Arrays.stream(joined.get().split(",")).map(String::trim).filter((item) -> !item.isEmpty()).toList();
		}
		List<String> items = new ArrayList<>();
		for (int index = 0; get(key + "[" + index + "]").isPresent(); index++) {
			items.add(get(key + "[" + index + "]").get());
		}
		return items;
	}

	private String lookup(String key, int depth) {
		String value = this.environment.get(relaxedEnvironmentName(key));
		if (value == null) {
			value = this.environment.get(key);
		}
		if (value == null) {
			value = this.values.get(key);
		}
		return (value != null) ? resolvePlaceholders(value, depth) : null;
	}

	private String resolvePlaceholders(String value, int depth) {
		if (depth > MAX_PLACEHOLDER_DEPTH) {
			throw new MigrationsException(ErrorKind.CONFIG, "Circular placeholder in project property value '" + value + "'",
					"Fix the ${...} references in src/main/resources/application.properties or application.yml");
		}
		StringBuilder resolved = new StringBuilder();
		int position = 0;
		int start;
		while ((start = value.indexOf("${", position)) >= 0) {
			int end = closingBrace(value, start + 2);
			if (end < 0) {
				break;
			}
			resolved.append(value, position, start);
			String placeholder = value.substring(start + 2, end);
			int colon = placeholder.indexOf(':');
			String name = (colon >= 0) ? placeholder.substring(0, colon) : placeholder;
			String replacement = lookup(name, depth + 1);
			if (replacement == null) {
				replacement = (colon >= 0) ? resolvePlaceholders(placeholder.substring(colon + 1), depth + 1)
						: "${" + placeholder + "}";
			}
			resolved.append(replacement);
			position = end + 1;
		}
		return resolved.append(value.substring(position)).toString();
	}

	private static int closingBrace(String value, int from) {
		int depth = 1;
		for (int i = from; i < value.length(); i++) {
			if (value.startsWith("${", i)) {
				depth++;
				i++;
			}
			else if (value.charAt(i) == '}' && --depth == 0) {
				return i;
			}
		}
		return -1;
	}

	/** Spring's environment-variable form of a property name: {@code migrations.version-table} is {@code MIGRATIONS_VERSIONTABLE}. */
	static String relaxedEnvironmentName(String key) {
		return key.replace('.', '_').replace("-", "").replace("[", "_").replace("]", "").toUpperCase(Locale.ROOT);
	}

}
