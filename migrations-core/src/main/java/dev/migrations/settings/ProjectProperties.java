package dev.migrations.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;

/**
 * The configuration of the Spring Boot application in a directory, read from the files and in the order Spring Boot
 * reads them ({@link ConfigLocations}), so one configuration serves the application and the command: the project's
 * {@code src/main/resources} standing in for the class path, then the directory's own {@code application.*},
 * {@code config/application.*} and {@code config/*}{@code /application.*}, or the locations of
 * {@code SPRING_CONFIG_LOCATION} and {@code SPRING_CONFIG_ADDITIONAL_LOCATION}. In one place
 * {@code application.properties} wins over {@code application.yml} over {@code application.yaml}, the active
 * profiles' {@code application-<profile>.*} over those, and within a file later documents over earlier ones, a
 * document with {@code spring.config.activate.on-profile} only when its profiles are active. The profiles are those
 * given to the tool (the command line's {@code --profile}, the Maven plugin's {@code -Dmigrations.profile}), else
 * {@code SPRING_PROFILES_ACTIVE}, else the files' {@code spring.profiles.active}, else {@code default}.
 * {@code ${NAME:default}} placeholders resolve against the environment and the files.
 */
public final class ProjectProperties implements PropertyLookup {

	static final Path RESOURCES = Path.of("src", "main", "resources");

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
	 * Reads the application's configuration in {@code directory}, the project's and the working directory; a
	 * directory without those files gives empty properties.
	 * @param profiles the profiles given to the tool, each possibly comma-separated; empty to take them from the
	 * environment or the files
	 * @throws MigrationsException for a file that is not valid YAML or properties, naming it and the line, or a
	 * configured location that is missing or can't be read, naming it
	 */
	public static ProjectProperties load(Path directory, Map<String, String> environment, List<String> profiles) {
		List<ConfigLocations.Group> groups = ConfigLocations.of(directory, environment).groups();
		List<Map<String, List<ConfigDocument>>> plain = new ArrayList<>();
		for (ConfigLocations.Group group : groups) {
			plain.add(read(directory, group.plainFiles()));
		}
		List<String> active = activeProfiles(profiles, environment, plain);
		Map<String, String> values = new LinkedHashMap<>();
		Map<String, String> files = new LinkedHashMap<>();
		boolean found = false;
		for (int index = 0; index < groups.size(); index++) {
			Map<String, List<ConfigDocument>> specific = read(directory, groups.get(index).profileFiles(active));
			found |= !plain.get(index).isEmpty() || !specific.isEmpty();
			merge(plain.get(index), active, values, files);
			merge(specific, active, values, files);
		}
		return new ProjectProperties(directory, values, files, environment, found);
	}

	/** The documents of {@code paths}, in that order, each named by its path from {@code directory} when inside it. */
	private static Map<String, List<ConfigDocument>> read(Path directory, List<Path> paths) {
		Path root = directory.toAbsolutePath().normalize();
		Map<String, List<ConfigDocument>> documents = new LinkedHashMap<>();
		for (Path file : paths) {
			Path absolute = file.toAbsolutePath().normalize();
			Path named = absolute.startsWith(root) ? root.relativize(absolute) : absolute;
			String shown = named.toString().replace('\\', '/');
			documents.put(shown, ConfigFileReader.read(file, shown));
		}
		return documents;
	}

	private static List<String> activeProfiles(List<String> option, Map<String, String> environment,
			List<Map<String, List<ConfigDocument>>> plain) {
		String configured = null;
		for (Map<String, List<ConfigDocument>> group : plain) {
			for (List<ConfigDocument> documents : group.values()) {
				for (ConfigDocument document : documents) {
					String listed = (document.onProfile() == null)
							? ConfigDocument.listValue(document.values(), ACTIVE_PROFILES) : null;
					configured = (listed != null) ? listed : configured;
				}
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

	/** Whether an application configuration file was found. */
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

	/** The key and the file it was read from: {@code spring.datasource.url in config/application.yml}. */
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
					"Fix the ${...} references in the application's configuration files");
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
