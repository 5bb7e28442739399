package dev.migrations.maven;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;

import dev.migrations.DriverManagerDataSource;
import dev.migrations.config.MigrationListener;
import dev.migrations.config.MigrationsConfig;
import dev.migrations.settings.MigrationsSettings;
import dev.migrations.settings.PropertyLookup;
import dev.migrations.settings.SettingsResolver;
import dev.migrations.settings.SettingsSources;

/**
 * Which database, which credentials and which script locations a goal works with: the core's settings rule
 * ({@link SettingsResolver}, the one the command line and the starter follow) over {@code -Dmigrations.url/user/password},
 * the environment and the project's {@code src/main/resources/application.properties}; a {@code classpath:} location
 * is read as the same folder under {@code src/main/resources}, where {@code revision} writes. The plugin reads its
 * configuration here and nowhere else.
 *
 * @param settings the resolved settings
 * @param properties every property of the project's configuration, for the JPA settings
 */
record ProjectSettings(MigrationsSettings settings, Map<String, String> properties) {

	static final Path RESOURCES = Path.of("src", "main", "resources");

	private static final Path SCRIPTS = RESOURCES.resolve("db/migrations");

	private static final Path PROPERTIES = RESOURCES.resolve("application.properties");

	ProjectSettings {
		properties = Map.copyOf(properties);
	}

	/**
	 * Reads the project in {@code basedir}.
	 * @param flags the settings given to the goal ({@code url}, {@code user}, {@code password}), as
	 * {@link SettingsSources#flags()} takes them
	 * @param environment the environment variables
	 */
	static ProjectSettings read(Path basedir, Map<String, String> flags, Map<String, String> environment) {
		Map<String, String> properties = load(basedir.resolve(PROPERTIES));
		PropertyLookup application = new PropertyLookup() {

			@Override
			public String get(String key) {
				return properties.get(key);
			}

			@Override
			public String origin(String key) {
				return key + " in " + PROPERTIES.toString().replace('\\', '/');
			}

		};
		MigrationsSettings settings = SettingsResolver
			.resolve(new SettingsSources(flags, environment, properties.isEmpty() ? null : application));
		return new ProjectSettings(settings.withLocations(switch (settings.locationsFrom()) {
			case FLAG -> settings.locations();
			case DEFAULT -> List.of("filesystem:" + basedir.resolve(SCRIPTS));
			case ENVIRONMENT, APPLICATION -> settings.locations()
				.stream()
				.map((location) -> projectLocation(location, basedir))
				.toList();
		}), properties);
	}

	/** A project's {@code classpath:} location is the same folder under {@code src/main/resources}. */
	private static String projectLocation(String location, Path basedir) {
		if (location.startsWith("classpath:")) {
			String path = location.substring("classpath:".length()).replaceFirst("^/+", "");
			return "filesystem:" + basedir.resolve(RESOURCES).resolve(path);
		}
		return location;
	}

	private static Map<String, String> load(Path file) {
		Map<String, String> values = new LinkedHashMap<>();
		if (!Files.isRegularFile(file)) {
			return values;
		}
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
		properties.stringPropertyNames().forEach((key) -> values.put(key, properties.getProperty(key).trim()));
		return values;
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
