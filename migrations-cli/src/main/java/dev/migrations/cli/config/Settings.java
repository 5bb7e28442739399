package dev.migrations.cli.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.migrations.DriverManagerDataSource;
import dev.migrations.settings.DatabaseUrl;
import dev.migrations.settings.MigrationsSettings;
import dev.migrations.settings.SettingsResolver;
import dev.migrations.settings.SettingsSources;

/**
 * What a command works with: the settings rule of the core ({@link SettingsResolver}) over the command line, the
 * environment and the Spring Boot project in the working directory, with the project's {@code classpath:} locations
 * read from its source folder.
 */
public final class Settings {

	/** Where a project keeps its scripts: {@code classpath:db/migrations} of a Spring Boot application. */
	static final Path PROJECT_SCRIPTS = ProjectProperties.RESOURCES.resolve("db/migrations");

	/** Where scripts go outside a Spring Boot project. */
	static final Path PLAIN_SCRIPTS = Path.of("migrations");

	private Settings() {
	}

	/** Resolves the settings for a command run in {@code directory}. */
	public static MigrationsSettings resolve(GlobalOptions options, Map<String, String> environment, Path directory) {
		ProjectProperties project = ProjectProperties.load(directory, environment, options.profiles());
		MigrationsSettings settings = SettingsResolver
			.resolve(new SettingsSources(options.flags(), environment, project.found() ? project : null));
		return settings.withLocations(switch (settings.locationsFrom()) {
			case FLAG -> settings.locations();
			case DEFAULT -> List.of("filesystem:" + defaultScriptDirectory(directory));
			case ENVIRONMENT, APPLICATION -> settings.locations()
				.stream()
				.map((location) -> projectLocation(location, directory))
				.toList();
		});
	}

	/**
	 * A DataSource on the configured database.
	 * @throws dev.migrations.error.MigrationsException when no database is configured, or its URL is unusable
	 */
	public static DataSource dataSource(MigrationsSettings settings) {
		DatabaseUrl database = settings.requireDatabase();
		return new DriverManagerDataSource(database.jdbcUrl(), settings.user(), settings.password());
	}

	/** A project's {@code classpath:} location is the same folder under {@code src/main/resources}. */
	private static String projectLocation(String location, Path directory) {
		if (location.startsWith("classpath:")) {
			String path = location.substring("classpath:".length()).replaceFirst("^/+", "");
			return "filesystem:" + directory.resolve(ProjectProperties.RESOURCES).resolve(path);
		}
		return location;
	}

	/**
	 * The script directory when none is configured: {@code src/main/resources/db/migrations} when it exists, else
	 * {@code migrations}.
	 */
	public static Path defaultScriptDirectory(Path directory) {
		Path project = directory.resolve(PROJECT_SCRIPTS);
		return Files.isDirectory(project) ? project : directory.resolve(PLAIN_SCRIPTS);
	}

	/**
	 * Where {@code init} creates the scripts directory when not told: {@code src/main/resources/db/migrations} in a
	 * Spring Boot project (the application's {@code classpath:db/migrations}), else {@code migrations}.
	 */
	public static Path newScriptDirectory(Path directory) {
		boolean project = Files.isDirectory(directory.resolve(ProjectProperties.RESOURCES));
		return directory.resolve(project ? PROJECT_SCRIPTS : PLAIN_SCRIPTS);
	}

}
