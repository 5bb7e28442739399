package dev.migrations.maven;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.migrations.DriverManagerDataSource;
import dev.migrations.config.MigrationListener;
import dev.migrations.config.MigrationsConfig;
import dev.migrations.settings.MigrationsSettings;
import dev.migrations.settings.ProjectProperties;
import dev.migrations.settings.SettingsSources;
import dev.migrations.settings.SpringBootProject;

/**
 * Which database, which credentials, which script locations and which entities a goal works with: the command line's
 * rule for a Spring Boot project ({@link SpringBootProject}) over {@code -Dmigrations.url/user/password}, the
 * environment and the application's configuration files in Spring Boot's locations, the project's directory standing
 * for the working directory ({@link ProjectProperties}), with its profiles, for the default migration set or the one
 * {@code -Dmigrations.instance} names. With no location configured, the
 * scripts are the application's {@code classpath:db/migrations}, where {@code revision} writes. The plugin reads its
 * configuration here and nowhere else.
 *
 * @param settings the resolved settings
 * @param properties every property of the project's configuration, for the JPA settings
 */
record ProjectSettings(MigrationsSettings settings, Map<String, String> properties) {

	ProjectSettings {
		properties = Map.copyOf(properties);
	}

	/**
	 * Reads the project in {@code basedir}.
	 * @param flags the settings given to the goal ({@code url}, {@code user}, {@code password},
	 * {@code entity-packages}), as
	 * {@link SettingsSources#flags()} takes them
	 * @param environment the environment variables
	 * @param profiles the profiles given to the goal, each possibly comma-separated; empty to take them from
	 * {@code SPRING_PROFILES_ACTIVE} or the project's files
	 * @param instance the migration set {@code migrations.instances.<instance>.*} to work on, as the command line's
	 * {@code --instance}; {@code null} for the default set
	 * @throws dev.migrations.error.MigrationsException for an instance the project does not configure, naming those
	 * it does
	 */
	static ProjectSettings read(Path basedir, Map<String, String> flags, Map<String, String> environment,
			List<String> profiles, String instance) {
		ProjectProperties project = ProjectProperties.load(basedir, environment, profiles);
		MigrationsSettings settings = SpringBootProject.settings(flags, environment, project,
				SpringBootProject.projectScriptDirectory(basedir), instance);
		return new ProjectSettings(settings, project.all());
	}

	/** The configured database's JDBC URL; fails with one line saying where to configure one. */
	String url() {
		return this.settings.requireDatabase().jdbcUrl();
	}

	String user() {
		return this.settings.user();
	}

	String password() {
		return this.settings.password();
	}

	/** The configured database; fails with one line saying where to configure one. */
	DataSource dataSource() {
		return new DriverManagerDataSource(url(), user(), password());
	}

	/** The engine's configuration, telling {@code listener} of each step. */
	MigrationsConfig config(MigrationListener listener) {
		return this.settings.configBuilder().listener(listener).build();
	}

}
