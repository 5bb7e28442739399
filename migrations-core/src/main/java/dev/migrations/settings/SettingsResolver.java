package dev.migrations.settings;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrations.config.MigrationsConfig;
import dev.migrations.config.RunSafety;
import dev.migrations.config.TransactionMode;
import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;

/**
 * The one rule for which database, which credentials, which locations and which options migrations run with, for
 * every front end: the command line, the starter and anything else that reads {@code migrations.*},
 * {@code spring.datasource.*} or environment variables. A pure function of its {@link SettingsSources}.
 * <p>
 * An option {@code name} is, in order: the flag {@code --name}; the environment variable Spring reads for
 * {@code migrations.name} ({@code MIGRATIONS_LOCKTIMEOUT}); {@code migrations.name} in the application's
 * configuration; the engine's default. The database is the first of {@code --url}, {@code MIGRATIONS_URL},
 * {@code DATABASE_URL}, then, in an application, {@code migrations.url} (a database of migrations' own) and
 * {@code spring.datasource.url} (the application's); see {@link DatabaseChoice} for the login that goes with each.
 */
public final class SettingsResolver {

	private static final String PREFIX = "migrations.";

	private static final List<String> COMMAND_URLS = List.of("MIGRATIONS_URL", "DATABASE_URL");

	private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?", Pattern.CASE_INSENSITIVE);

	private final SettingsSources sources;

	/** {@code migrations.}, or an instance's {@code migrations.instances.<name>.}. */
	private final String prefix;

	/** Whether these are the settings of a named instance, which {@code MIGRATIONS_URL}/{@code DATABASE_URL} skip. */
	private final boolean instance;

	private SettingsResolver(SettingsSources sources, String instance) {
		this.sources = sources;
		this.instance = instance != null;
		this.prefix = this.instance ? MigrationInstances.prefix(instance) : PREFIX;
	}

	/** The settings these sources give. */
	public static MigrationsSettings resolve(SettingsSources sources) {
		return new SettingsResolver(sources, null).settings();
	}

	/**
	 * The settings of instance {@code instance} ({@code migrations.instances.<instance>.*}, {@code null} for the
	 * default set): the same rule under the instance's prefix, its options its own or the engine's defaults (they
	 * take nothing of {@code migrations.*}), and its database {@code --url}, else the instance's {@code url}, else the
	 * application's; {@code MIGRATIONS_URL} and {@code DATABASE_URL} name the default set's database and are skipped.
	 */
	public static MigrationsSettings resolve(SettingsSources sources, String instance) {
		return new SettingsResolver(sources, instance).settings();
	}

	/** The database these sources name, before its URL is read. */
	public static DatabaseChoice database(SettingsSources sources) {
		return new SettingsResolver(sources, null).databaseChoice();
	}

	/** The database of instance {@code instance} ({@code null} for the default set), before its URL is read. */
	public static DatabaseChoice database(SettingsSources sources, String instance) {
		return new SettingsResolver(sources, instance).databaseChoice();
	}

	private MigrationsSettings settings() {
		DatabaseChoice choice = databaseChoice();
		DatabaseUrl database = null;
		MigrationsException unusable = null;
		if (choice.url() != null) {
			try {
				database = DatabaseUrl.parse(choice.url(), choice.origin());
			}
			catch (MigrationsException ex) {
				unusable = ex;
			}
		}
		Login urlLogin = (database != null) ? new Login(database.user(), database.password()) : Login.NONE;
		Login login = commandLogin().or(urlLogin).or(choice.login());
		Found locations = listOption("locations");
		Found entityPackages = listOption("entity-packages");
		return new MigrationsSettings(database, choice.origin(), unusable, login.user(), login.password(),
				(locations != null) ? split(locations.value()) : List.of(MigrationsConfig.DEFAULT_LOCATION),
				(locations != null) ? locations.layer() : SettingLayer.DEFAULT, text("schema", null),
				bool("create-schemas", false), text("version-table", MigrationsConfig.DEFAULT_VERSION_TABLE),
				text("history-table", MigrationsConfig.DEFAULT_HISTORY_TABLE), transactionMode(),
				lockWait(), bool("validate-checksums", true), safety(),
				(entityPackages != null) ? split(entityPackages.value()) : List.of());
	}

	/** {@code lock-wait}, else its deprecated name {@code lock-timeout}. */
	private Duration lockWait() {
		Found found = option("lock-wait");
		found = (found != null) ? found : option("lock-timeout");
		return (found != null) ? duration(found) : MigrationsConfig.DEFAULT_LOCK_TIMEOUT;
	}

	private RunSafety safety() {
		Found lockTimeout = option("statement-lock-timeout");
		Found statementTimeout = option("statement-timeout");
		return new RunSafety((lockTimeout != null) ? duration(lockTimeout) : null,
				(statementTimeout != null) ? duration(statementTimeout) : null, count("lock-retries", 0),
				bool("reconnect", RunSafety.DEFAULTS.reconnect()));
	}

	private int count(String name, int defaultValue) {
		Found found = option(name);
		if (found == null) {
			return defaultValue;
		}
		try {
			int count = Integer.parseInt(found.value().trim());
			if (count >= 0) {
				return count;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw invalid(found, "count",
				"Give how many times a revision that timed out on a lock is tried again: 0 or more, such as 10");
	}

	private DatabaseChoice databaseChoice() {
		Found flag = flag("url");
		if (flag != null) {
			return new DatabaseChoice.Given(flag.value(), flag.origin());
		}
		for (String variable : this.instance ? List.<String>of() : COMMAND_URLS) {
			String url = present(this.sources.environment().get(variable));
			if (url != null) {
				return new DatabaseChoice.Given(url, variable);
			}
		}
		if (this.sources.application() == null) {
			return new DatabaseChoice.None();
		}
		Found dedicated = configured(this.prefix + "url");
		Login migrationsLogin = new Login(configuredValue(this.prefix + "user"),
				configuredValue(this.prefix + "password"));
		if (dedicated != null) {
			return new DatabaseChoice.Dedicated(dedicated.value(), dedicated.origin(), migrationsLogin);
		}
		Found application = configured("spring.datasource.url");
		return new DatabaseChoice.Application((application != null) ? application.value() : null,
				(application != null) ? application.origin() : null, migrationsLogin,
				new Login(configuredValue("spring.datasource.username"),
						configuredValue("spring.datasource.password")));
	}

	/** {@code --user}/{@code --password}, else {@code MIGRATIONS_USER}/{@code MIGRATIONS_PASSWORD}: for any URL. */
	private Login commandLogin() {
		return new Login(commandValue("user"), commandValue("password"));
	}

	private String commandValue(String name) {
		Found flag = flag(name);
		return (flag != null) ? flag.value()
				: present(this.sources.environment().get(environmentName(this.prefix + name)));
	}

	private Found option(String name) {
		Found flag = flag(name);
		return (flag != null) ? flag : configured(this.prefix + name);
	}

	/** A list option: comma-separated, or indexed in the configuration ({@code migrations.locations[0]}...). */
	private Found listOption(String name) {
		Found joined = option(name);
		if (joined != null) {
			return joined;
		}
		List<Found> items = new ArrayList<>();
		for (Found item; (item = configured(this.prefix + name + "[" + items.size() + "]")) != null;) {
			items.add(item);
		}
		if (items.isEmpty()) {
			return null;
		}
		return new Found(String.join(",", items.stream().map(Found::value).toList()), items.get(0).origin(),
				items.get(0).layer());
	}

	private Found flag(String name) {
		String value = present(this.sources.flags().get(name));
		return (value != null) ? new Found(value, "--" + name, SettingLayer.FLAG) : null;
	}

	/** A key of the application's configuration: its environment variable as Spring names it, else its value. */
	private Found configured(String key) {
		String variable = environmentName(key);
		String fromEnvironment = present(this.sources.environment().get(variable));
		if (fromEnvironment != null) {
			return new Found(fromEnvironment, variable, SettingLayer.ENVIRONMENT);
		}
		PropertyLookup application = this.sources.application();
		String value = (application != null) ? present(application.get(key)) : null;
		return (value != null) ? new Found(value, application.origin(key), SettingLayer.APPLICATION) : null;
	}

	private String configuredValue(String key) {
		Found found = configured(key);
		return (found != null) ? found.value() : null;
	}

	private String text(String name, String defaultValue) {
		Found found = option(name);
		return (found != null) ? found.value() : defaultValue;
	}

	private boolean bool(String name, boolean defaultValue) {
		Found found = option(name);
		if (found == null) {
			return defaultValue;
		}
		return switch (found.value().trim().toLowerCase(Locale.ROOT)) {
			case "true", "on", "yes", "1" -> true;
			case "false", "off", "no", "0" -> false;
			default -> throw invalid(found, "boolean", "Write true or false");
		};
	}

	private TransactionMode transactionMode() {
		Found found = option("transaction-mode");
		if (found == null) {
			return TransactionMode.PER_REVISION;
		}
		try {
			return TransactionMode.valueOf(found.value().trim().toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			throw invalid(found, "transaction mode", "Use per-revision or single");
		}
	}

	/** A number without a unit is seconds on the command line and milliseconds in configuration, as Spring reads it. */
	private static Duration duration(Found found) {
		ChronoUnit unit = (found.layer() == SettingLayer.FLAG) ? ChronoUnit.SECONDS : ChronoUnit.MILLIS;
		return duration(found.value(), unit, found.origin());
	}

	/** Reads {@code 500ms}, {@code 60s}, {@code 2m}, {@code 1h}, ISO-8601 ({@code PT1M}) or a number in {@code unit}. */
	static Duration duration(String value, ChronoUnit unit, String origin) {
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
			throw new MigrationsException(ErrorKind.CONFIG, "Invalid duration '" + value + "' for " + origin,
					"Write it as 500ms, 60s, 2m, 1h or PT1M");
		}
	}

	private static MigrationsException invalid(Found found, String what, String hint) {
		return new MigrationsException(ErrorKind.CONFIG,
				"Invalid " + what + " '" + found.value() + "' for " + found.origin(), hint);
	}

	private static List<String> split(String joined) {
		return Arrays.stream(joined.split(",")).map(String::trim).filter((item) -> !item.isEmpty()).toList();
	}

	private static String present(String value) {
		return (value != null && !value.isBlank()) ? value : null;
	}

	/**
	 * Spring's environment-variable form of a property name: {@code migrations.version-table} is
	 * {@code MIGRATIONS_VERSIONTABLE}, {@code migrations.locations[0]} is {@code MIGRATIONS_LOCATIONS_0}.
	 */
	public static String environmentName(String key) {
		return key.replace('.', '_').replace("-", "").replace("[", "_").replace("]", "").toUpperCase(Locale.ROOT);
	}

	/** A setting's value, where it was given, and in which layer. */
	private record Found(String value, String origin, SettingLayer layer) {

	}

}
