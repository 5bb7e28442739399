package dev.migrations.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;

/**
 * The configuration of the Spring Boot project in a directory, read from {@code src/main/resources} as the
 * application reads it, so one configuration serves the application and the command: {@code application.properties}
 * over {@code application.yml} over {@code application.yaml}, then for each active profile
 * {@code application-<profile>.*} over those, and within a file later documents over earlier ones, a document with
 * {@code spring.config.activate.on-profile} only when its profiles are active. The profiles are those given to the tool
 * (the command line's {@code --profile}, the Maven plugin's {@code -Dmigrations.profile}), else
 * {@code SPRING_PROFILES_ACTIVE}, else the files' {@code spring.profiles.active}, else
 * {@code default}. {@code ${NAME:default}} placeholders resolve against the environment and the files.
 */
public final class ProjectProperties implements PropertyLookup {

	static final Path RESOURCES = Path.of("src", "main", "resources");

	/** Read in this order, later files winning: Spring gives .properties precedence over .yml in one location. */
	private static final List<String> EXTENSIONS = List.of("yaml", "yml", "properties");

	private static final String ACTIVE_PROFILES = "spring.profiles.active";

	private static final String DEFAULT_PROFILE = "default";

	private static final int MAX_PLACEHOLDER_DEPTH = 16;

	private final Map<String, String> values;

	/** The file each key of {@link #values} was read from, as messages name it. */
	private final Map<String, String> files;

	private final Map<String, String> environment;

	private final Path directory;

	private final boolean found;

	private ProjectProperties(Path directory, Map<String, String> values, Map<String, String> files,
			Map<String, String> environment, boolean found) {
		this.directory = directory;
		this.values = values;
		this.files = files;
		this.environment = environment;
		this.found = found;
	}

	/**
	 * Reads the project in {@code directory}; a directory without those files gives empty properties.
	 * @param profiles the profiles given to the tool, each possibly comma-separated; empty to take them from the
	 * environment or the files
	 * @throws MigrationsException for a file that is not valid YAML or properties, naming it and the line
	 */
	public static ProjectProperties load(Path directory, Map<String, String> environment, List<String> profiles) {
		Map<String, List<ConfigDocument>> base = read(directory, "application");
		List<String> active = activeProfiles(profiles, environment, base);
		Map<String, String> values = new LinkedHashMap<>();
		Map<String, String> files = new LinkedHashMap<>();
		boolean found = !base.isEmpty();
		merge(base, active, values, files);
		for (String profile : active) {
			Map<String, List<ConfigDocument>> specific = read(directory, "application-" + profile);
			found |= !specific.isEmpty();
			merge(specific, active, values, files);
		}
		return new ProjectProperties(directory, values, files, environment, found);
	}

	/** The documents of the files {@code <name>.yaml}, {@code .yml} and {@code .properties} that exist, in that order. */
	private static Map<String, List<ConfigDocument>> read(Path directory, String name) {
		Map<String, List<ConfigDocument>> documents = new LinkedHashMap<>();
		for (String extension : EXTENSIONS) {
			Path relative = RESOURCES.resolve(name + "." + extension);
			Path file = directory.resolve(relative);
			if (Files.isRegularFile(file)) {
				String shown = relative.toString().replace('\\', '/');
				documents.put(shown, ConfigFileReader.read(file, shown));
			}
		}
		return documents;
	}

	private static List<String> activeProfiles(List<String> option, Map<String, String> environment,
			Map<String, List<ConfigDocument>> base) {
		String configured = null;
		for (List<ConfigDocument> documents : base.values()) {
			for (ConfigDocument document : documents) {
				String listed = (document.onProfile() == null)
						? ConfigDocument.listValue(document.values(), ACTIVE_PROFILES) : null;
				configured = (listed != null) ? listed : configured;
			}
		}
		String variable = environment.get(SettingsResolver.environmentName(ACTIVE_PROFILES));
		String chosen = !option.isEmpty() ? String.join(",", option)
				: (variable != null && !variable.isBlank()) ? variable : configured;
		List<String> profiles = (chosen != null) ? Arrays.stream(chosen.split(","))
			.map(String::trim)
			.filter((profile) -> !profile.isEmpty())
			.distinct()
			.toList() : List.of();
		return profiles.isEmpty() ? List.of(DEFAULT_PROFILE) : profiles;
	}

	private static void merge(Map<String, List<ConfigDocument>> documents, List<String> active,
			Map<String, String> values, Map<String, String> files) {
		documents.forEach((file, fileDocuments) -> {
			for (ConfigDocument document : fileDocuments) {
				if (document.onProfile() == null
						|| ProfileExpression.matches(document.onProfile(), active, ConfigDocument.ON_PROFILE + " in " + file)) {
					values.putAll(document.values());
					document.values().keySet().forEach((key) -> files.put(key, file));
				}
			}
		});
	}

	/** Whether the directory is a Spring Boot project with an application configuration file. */
	public boolean found() {
		return this.found;
	}

	/** The project's directory, against which its {@code classpath:} locations are read. */
	Path directory() {
		return this.directory;
	}

	/** Every setting with its placeholders resolved, in file order: for tools that hand them on, as JPA's. */
	public Map<String, String> all() {
		Map<String, String> resolved = new LinkedHashMap<>();
		this.values.keySet().forEach((key) -> resolved.put(key, get(key)));
		return resolved;
	}

	/** A setting with its placeholders resolved, or {@code null} when unset. */
	@Override
	public String get(String key) {
		String value = this.values.get(key);
		return (value != null) ? resolvePlaceholders(value, 0) : null;
	}

	/** The key and the file it was read from: {@code spring.datasource.url in src/main/resources/application.yml}. */
	@Override
	public String origin(String key) {
		String file = this.files.get(key);
		return (file != null) ? key + " in " + file : key;
	}

	/** A placeholder's value: an environment variable (by Spring's relaxed name too), else a setting. */
	private String lookup(String key, int depth) {
		String value = this.environment.get(SettingsResolver.environmentName(key));
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

}
