package dev.migrations.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The settings of a command run on a Spring Boot project's sources, one rule for the command line and the Maven
 * plugin: the core's {@link SettingsResolver} over the tool's options, the environment and the project's
 * {@link ProjectProperties}, with a {@code classpath:} location read as the same folder under
 * {@code src/main/resources}, where the application finds it once built.
 */
public final class SpringBootProject {

	/** Where a project keeps its scripts: {@code classpath:db/migrations} of a Spring Boot application. */
	private static final Path PROJECT_SCRIPTS = ProjectProperties.RESOURCES.resolve("db/migrations");

	/** Where scripts go outside a Spring Boot project. */
	private static final Path PLAIN_SCRIPTS = Path.of("migrations");

	private SpringBootProject() {
	}

	/**
	 * Resolves the settings of a tool working on {@code project}.
	 * @param flags the tool's own settings, as {@link SettingsSources#flags()} takes them
	 * @param environment the environment variables
	 * @param project the project's configuration; when none was {@linkplain ProjectProperties#found() found}, only a
	 * URL given to the tool or the environment names a database
	 * @param defaultScripts the script directory when no location is configured
	 * @throws dev.migrations.error.MigrationsException for a setting with an unusable value, naming it
	 */
	public static MigrationsSettings settings(Map<String, String> flags, Map<String, String> environment,
			ProjectProperties project, Path defaultScripts) {
		return settings(flags, environment, project, defaultScripts, null);
	}

	/**
	 * Resolves the settings of a tool working on instance {@code instance} of {@code project}
	 * ({@code migrations.instances.<instance>.*}), or on its default set when {@code null}.
	 * The project's keys of the instance are {@linkplain MigrationInstanceKeys checked} as the application checks them.
	 * Working on the default set, the tool reads no instance's keys, so it leaves them to a run on that instance.
	 * @throws dev.migrations.error.MigrationsException for an instance the project does not configure, naming those
	 * it does, a key the instance does not take, naming it, or a setting with an unusable value
	 */
	public static MigrationsSettings settings(Map<String, String> flags, Map<String, String> environment,
			ProjectProperties project, Path defaultScripts, String instance) {
		if (instance != null) {
			Set<String> keys = project.all().keySet();
			MigrationInstances.require(instance, MigrationInstances.names(keys));
			MigrationInstanceKeys.check(instance, keys);
		}
		MigrationsSettings settings = SettingsResolver
			.resolve(new SettingsSources(flags, environment, project.found() ? project : null), instance);
		return settings.withLocations(switch (settings.locationsFrom()) {
			case FLAG -> settings.locations();
			case DEFAULT -> List.of("filesystem:" + defaultScripts);
			case ENVIRONMENT, APPLICATION -> settings.locations()
				.stream()
				.map((location) -> projectLocation(location, project.directory()))
				.toList();
		});
	}

	/** A project's {@code classpath:} location is the same folder under {@code src/main/resources}. */
	public static String projectLocation(String location, Path directory) {
		if (location.startsWith("classpath:")) {
			String path = location.substring("classpath:".length()).replaceFirst("^/+", "");
			return "filesystem:" + directory.resolve(ProjectProperties.RESOURCES).resolve(path);
		}
		return location;
	}

	/** The application's {@code classpath:db/migrations} in the sources: {@code src/main/resources/db/migrations}. */
	public static Path projectScriptDirectory(Path directory) {
		return directory.resolve(PROJECT_SCRIPTS);
	}

	/**
	 * The script directory when none is configured: {@code src/main/resources/db/migrations} when it exists, else
	 * {@code migrations}.
	 */
	public static Path defaultScriptDirectory(Path directory) {
		Path project = projectScriptDirectory(directory);
		return Files.isDirectory(project) ? project : directory.resolve(PLAIN_SCRIPTS);
	}

	/**
	 * Where a new scripts directory goes when not told: {@code src/main/resources/db/migrations} in a Spring Boot
	 * project (the application's {@code classpath:db/migrations}), else {@code migrations}.
	 */
	public static Path newScriptDirectory(Path directory) {
		boolean project = Files.isDirectory(directory.resolve(ProjectProperties.RESOURCES));
		return project ? projectScriptDirectory(directory) : directory.resolve(PLAIN_SCRIPTS);
	}

}
