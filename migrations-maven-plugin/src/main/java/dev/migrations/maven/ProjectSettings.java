package dev.migrations.maven;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import javax.sql.DataSource;

import dev.migrations.DriverManagerDataSource;
import dev.migrations.config.MigrationListener;
import dev.migrations.config.MigrationsConfig;
import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;

/**
 * Which database, which credentials and which script locations a goal works with: the project's
 * {@code src/main/resources/application.properties} as the starter reads it ({@code migrations.url}, else
 * {@code spring.datasource.url}, with their credentials; {@code migrations.locations}, a {@code classpath:} location
 * read as the same folder under {@code src/main/resources}), {@code -Dmigrations.url/user/password} winning. The
 * plugin reads its configuration here and nowhere else.
 *
 * @param url the JDBC URL, or {@code null} when none is configured
 * @param origin where the URL was given, for messages
 * @param user the user, or {@code null}
 * @param password the password, or {@code null}
 * @param locations the script locations, {@code filesystem:} ones
 * @param properties every property of the project's configuration, for the JPA settings
 */
record ProjectSettings(String url, String origin, String user, String password, List<String> locations,
		Map<String, String> properties) {

	static final Path RESOURCES = Path.of("src", "main", "resources");

	static final Path SCRIPTS = RESOURCES.resolve("db/migrations");

	private static final Path PROPERTIES = RESOURCES.resolve("application.properties");

	ProjectSettings {
		locations = List.copyOf(locations);
		properties = Map.copyOf(properties);
	}

	/**
	 * Reads the project in {@code basedir}.
	 * @param givenUrl {@code -Dmigrations.url}, or {@code null}; with it, the project's credentials are not used
	 * @param givenUser {@code -Dmigrations.user}, or {@code null}
	 * @param givenPassword {@code -Dmigrations.password}, or {@code null}
	 */
	static ProjectSettings read(Path basedir, String givenUrl, String givenUser, String givenPassword) {
		Map<String, String> properties = load(basedir.resolve(PROPERTIES));
		String prefix = properties.containsKey("migrations.url") ? "migrations." : "spring.datasource.";
		String url = first(givenUrl, properties.get(prefix + "url"));
		String origin = (givenUrl != null) ? "-Dmigrations.url" : (prefix + "url in " + PROPERTIES);
		boolean dedicated = givenUrl != null || prefix.equals("migrations.");
		String user = first(givenUser, properties.get("migrations.user"),
				dedicated ? null : properties.get("spring.datasource.username"));
		String password = first(givenPassword, properties.get("migrations.password"),
				dedicated ? null : properties.get("spring.datasource.password"));
		String configured = properties.get("migrations.locations");
		List<String> locations = (configured == null) ? List.of("filesystem:" + basedir.resolve(SCRIPTS))
				: Arrays.stream(configured.split(","))
					.map(String::trim)
					.filter((location) -> !location.isEmpty())
					.map((location) -> projectLocation(location, basedir))
					.toList();
		return new ProjectSettings(url, origin, user, password, locations, properties);
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

	private static String first(String... values) {
		return Stream.of(values).filter((value) -> value != null && !value.isBlank()).findFirst().orElse(null);
	}

	/** The configured database; fails with one line saying where to configure one. */
	DataSource dataSource() {
		if (this.url == null) {
			throw new MigrationsException(ErrorKind.CONFIG, "No database configured",
					"Set spring.datasource.url in " + PROPERTIES + ", or pass -Dmigrations.url=jdbc:...");
		}
		return new DriverManagerDataSource(this.url, this.user, this.password);
	}

	/** The engine's configuration, telling {@code listener} of each step. */
	MigrationsConfig config(MigrationListener listener) {
		MigrationsConfig.Builder builder = MigrationsConfig.builder().locations(this.locations).listener(listener);
		String schema = this.properties.get("migrations.schema");
		if (schema != null) {
			builder.schema(schema);
		}
		String versionTable = this.properties.get("migrations.version-table");
		if (versionTable != null) {
			builder.versionTable(versionTable);
		}
		String historyTable = this.properties.get("migrations.history-table");
		if (historyTable != null) {
			builder.historyTable(historyTable);
		}
		return builder.build();
	}

}
