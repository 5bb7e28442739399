package dev.migrations.cli.config;

import java.nio.file.Path;
import java.util.Map;

import javax.sql.DataSource;

import dev.migrations.DriverManagerDataSource;
import dev.migrations.settings.DatabaseUrl;
import dev.migrations.settings.MigrationsSettings;
import dev.migrations.settings.ProjectProperties;
import dev.migrations.settings.SpringBootProject;

/**
 * What a command works with: the core's rule for a Spring Boot project ({@link SpringBootProject}) over the command
 * line, the environment and the project in the working directory.
 */
public final class Settings {

	private Settings() {
	}

	/** Resolves the settings for a command run in {@code directory}. */
	public static MigrationsSettings resolve(GlobalOptions options, Map<String, String> environment, Path directory) {
		ProjectProperties project = ProjectProperties.load(directory, environment, options.profiles());
		return SpringBootProject.settings(options.flags(), environment, project,
				SpringBootProject.defaultScriptDirectory(directory), options.instance());
	}

	/**
	 * A DataSource on the configured database.
	 * @throws dev.migrations.error.MigrationsException when no database is configured, or its URL is unusable
	 */
	public static DataSource dataSource(MigrationsSettings settings) {
		DatabaseUrl database = settings.requireDatabase();
		return new DriverManagerDataSource(database.jdbcUrl(), settings.user(), settings.password());
	}

}
