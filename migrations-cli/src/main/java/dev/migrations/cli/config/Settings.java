package dev.migrations.cli.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.migrations.DriverManagerDataSource;
import dev.migrations.config.MigrationListener;
import dev.migrations.config.MigrationsConfig;
import dev.migrations.config.TransactionMode;
import dev.migrations.dialect.Dialects;
import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;

/**
 * What a command works with, resolved from the command line, then the environment ({@code MIGRATIONS_URL},
 * {@code MIGRATIONS_USER}, {@code MIGRATIONS_PASSWORD}, then {@code DATABASE_URL}), then the Spring Boot project in the
 * working directory ({@code spring.datasource.*} and {@code migrations.*} of its application configuration).
 *
 * @param database where the database is; {@code null} when none is configured or its URL is unusable
 * @param databaseSource where the URL was given ({@code --url}, {@code DATABASE_URL}...), or {@code null}
 * @param unusableDatabase why the configured URL can't be used, or {@code null}: it fails only the commands that
 * connect, so that an unrelated {@code DATABASE_URL} does not stop {@code heads}, {@code revision} or {@code --sql}
 * @param user the database user, or {@code null}
 * @param password the password, or {@code null}
 * @param locations the script locations
 * @param schema the schema of the engine's tables, or {@code null} for the connection's default
 * @param createSchemas whether {@code upgrade}, {@code downgrade} and {@code stamp} create a missing schema
 * @param versionTable the version table
 * @param historyTable the history table
 * @param transactionMode per revision or single
 * @param lockTimeout how long to wait for another run's lock
 * @param validateChecksums whether a changed applied script fails {@code upgrade}, {@code downgrade} and
 * {@code check}
 */
public record Settings(DatabaseUrl database, String databaseSource, MigrationsException unusableDatabase, String user,
		String password, List<String> locations, String schema, boolean createSchemas, String versionTable,
		String historyTable, TransactionMode transactionMode, Duration lockTimeout, boolean validateChecksums) {

	/** Where a project keeps its scripts: {@code classpath:db/migrations} of a Spring Boot application. */
	static final Path PROJECT_SCRIPTS = ProjectProperties.RESOURCES.resolve("db/migrations");

	/** Where scripts go outside a Spring Boot project. */
	static final Path PLAIN_SCRIPTS = Path.of("migrations");

	private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?", Pattern.CASE_INSENSITIVE);

	public Settings {
		locations = List.copyOf(locations);
	}

	/** Resolves the settings for a command run in {@code directory}. */
	public static Settings resolve(GlobalOptions options, Map<String, String> environment, Path directory) {
		ProjectProperties project = ProjectProperties.load(directory, environment);
		String source = (options.url() != null && !options.url().isEmpty()) ? "--url"
				: Stream.of("MIGRATIONS_URL", "DATABASE_URL")
					.filter((variable) -> first(environment.get(variable)) != null)
					.findFirst()
					.orElse(null);
		String url = first(options.url(), environment.get("MIGRATIONS_URL"), environment.get("DATABASE_URL"));
		String projectPrefix = null;
		if (url == null && project.found()) {
			projectPrefix = project.get("migrations.url").isPresent() ? "migrations." : "spring.datasource.";
			url = project.get(projectPrefix + "url").orElse(null);
			source = (url != null) ? project.origin(projectPrefix + "url") : null;
		}
		DatabaseUrl database = null;
		MigrationsException unusableDatabase = null;
		try {
			database = (url != null) ? DatabaseUrl.parse(url, source) : null;
		}
		catch (MigrationsException ex) {
			unusableDatabase = ex;
		}
		String user = first(options.user(), environment.get("MIGRATIONS_USER"),
				(database != null) ? database.user() : null,
				(projectPrefix != null) ? projectCredential(project, projectPrefix, "user", "username") : null);
		String password = first(options.password(), environment.get("MIGRATIONS_PASSWORD"),
				(database != null) ? database.password() : null,
				(projectPrefix != null) ? projectCredential(project, projectPrefix, "password", "password") : null);
		return new Settings(database, source, unusableDatabase, user, password, locations(options, project, directory),
				first(options.schema(), project.get("migrations.schema").orElse(null)),
				first(options.createSchemas(),
						project.get("migrations.create-schemas").map(Boolean::parseBoolean).orElse(false)),
				first(options.versionTable(), project.get("migrations.version-table").orElse(null),
						MigrationsConfig.DEFAULT_VERSION_TABLE),
				first(options.historyTable(), project.get("migrations.history-table").orElse(null),
						MigrationsConfig.DEFAULT_HISTORY_TABLE),
				project.get("migrations.transaction-mode").map(Settings::transactionMode).orElse(TransactionMode.PER_REVISION),
				lockTimeout(options, project),
				first(options.validateChecksums(),
						project.get("migrations.validate-checksums").map(Boolean::parseBoolean).orElse(true)));
	}

	/**
	 * As the starter connects: a dedicated {@code migrations.url} with {@code migrations.user}/{@code password}; the
	 * application's database as {@code migrations.user} if set, else as {@code spring.datasource.username}.
	 */
	private static String projectCredential(ProjectProperties project, String prefix, String migrationsKey,
			String datasourceKey) {
		Optional<String> dedicated = project.get("migrations." + migrationsKey);
		if (prefix.equals("migrations.")) {
			return dedicated.orElse(null);
		}
		return dedicated.or(() -> project.get("spring.datasource." + datasourceKey)).orElse(null);
	}

	private static List<String> locations(GlobalOptions options, ProjectProperties project, Path directory) {
		if (!options.locations().isEmpty()) {
			return options.locations();
		}
		List<String> configured = project.list("migrations.locations");
		if (!configured.isEmpty()) {
			return configured.stream().map((location) -> projectLocation(location, directory)).toList();
		}
		return List.of("filesystem:" + defaultScriptDirectory(directory));
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

	private static TransactionMode transactionMode(String value) {
		String name = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
		try {
			return TransactionMode.valueOf(name);
		}
		catch (IllegalArgumentException ex) {
			throw new MigrationsException(ErrorKind.CONFIG,
					"Invalid migrations.transaction-mode '" + value + "' in the project configuration",
					"Use per-revision or single");
		}
	}

	/** {@code --lock-wait}, then {@code migrations.lock-wait}, then its deprecated name {@code lock-timeout}. */
	private static Duration lockTimeout(GlobalOptions options, ProjectProperties project) {
		if (options.lockTimeout() != null) {
			return duration(options.lockTimeout(), ChronoUnit.SECONDS, "--lock-wait");
		}
		// Spring binds a Duration without a unit as milliseconds.
		String key = project.get("migrations.lock-wait").isPresent() ? "migrations.lock-wait"
				: "migrations.lock-timeout";
		return project.get(key)
			.map((value) -> duration(value, ChronoUnit.MILLIS, key))
			.orElse(MigrationsConfig.DEFAULT_LOCK_TIMEOUT);
	}

	/** Reads {@code 500ms}, {@code 60s}, {@code 2m}, {@code 1h}, ISO-8601 ({@code PT1M}) or a number in {@code unit}. */
	static Duration duration(String value, ChronoUnit unit, String setting) {
		String text = value.trim();
		Matcher simple = DURATION.matcher(text);
		if (simple.matches()) {
			long amount = Long.parseLong(simple.group(1));
			String suffix = (simple.group(2) != null) ? simple.group(2).toLowerCase(Locale.ROOT) : "";
			return switch (suffix) {
				case "ms" -> Duration.ofMillis(amount);
				case "s" -> Duration.ofSeconds(amount);
				case "m" -> Duration.ofMinutes(amount);
				case "h" -> Duration.ofHours(amount);
				case "d" -> Duration.ofDays(amount);
				default -> Duration.of(amount, unit);
			};
		}
		try {
			return Duration.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new MigrationsException(ErrorKind.CONFIG, "Invalid duration '" + value + "' for " + setting,
					"Write it as 500ms, 60s, 2m, 1h or PT1M");
		}
	}

	@SafeVarargs
	private static <T> T first(T... values) {
		return Stream.of(values).filter((value) -> value != null && !"".equals(value)).findFirst().orElse(null);
	}

	/** Whether a usable database is configured. */
	public boolean hasDatabase() {
		return this.database != null;
	}

	/**
	 * A DataSource on the configured database.
	 * @throws MigrationsException when no database is configured, or its URL is unusable
	 */
	public DriverManagerDataSource dataSource() {
		if (this.unusableDatabase != null) {
			throw this.unusableDatabase;
		}
		if (this.database == null) {
			throw new MigrationsException(ErrorKind.CONFIG, "No database configured",
					"Give --url (a JDBC URL or postgresql://user:pass@host:port/db), or set MIGRATIONS_URL or DATABASE_URL");
		}
		return new DriverManagerDataSource(this.database.jdbcUrl(), this.user, this.password);
	}

	/** The engine's configuration for these settings, telling {@code listener} of each step. */
	public MigrationsConfig config(MigrationListener listener) {
		return MigrationsConfig.builder()
			.locations(this.locations)
			.schema(this.schema)
			.createSchemas(this.createSchemas)
			.versionTable(this.versionTable)
			.historyTable(this.historyTable)
			.transactionMode(this.transactionMode)
			.lockTimeout(this.lockTimeout)
			.validateChecksums(this.validateChecksums)
			.listener(listener)
			.offlineDialect(offlineDialect())
			.build();
	}

	/**
	 * The database {@code --sql} writes for: the configured one's, or none (PostgreSQL's) when no database is
	 * configured or the engine does not know it, as an unrelated {@code DATABASE_URL} may name.
	 */
	private String offlineDialect() {
		if (!hasDatabase()) {
			return null;
		}
		try {
			return Dialects.forJdbcUrl(this.database.jdbcUrl()).name();
		}
		catch (MigrationsException ex) {
			return null;
		}
	}

	@Override
	public String toString() {
		return "Settings[database=" + this.database + ", user=" + this.user + ", locations=" + this.locations + "]";
	}

}
