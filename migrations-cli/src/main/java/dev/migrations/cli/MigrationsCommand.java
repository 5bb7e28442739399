package dev.migrations.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.LogManager;

import javax.sql.DataSource;

import dev.migrations.Migrations;
import dev.migrations.cli.command.BranchesCommand;
import dev.migrations.cli.command.CheckCommand;
import dev.migrations.cli.command.CurrentCommand;
import dev.migrations.cli.command.DowngradeCommand;
import dev.migrations.cli.command.GraphCommand;
import dev.migrations.cli.command.HeadsCommand;
import dev.migrations.cli.command.HistoryCommand;
import dev.migrations.cli.command.InitCommand;
import dev.migrations.cli.command.LintCommand;
import dev.migrations.cli.command.MergeCommand;
import dev.migrations.cli.command.RepairCommand;
import dev.migrations.cli.command.RevisionCommand;
import dev.migrations.cli.command.ShowCommand;
import dev.migrations.cli.command.StampCommand;
import dev.migrations.cli.command.UpgradeCommand;
import dev.migrations.cli.config.GlobalOptions;
import dev.migrations.cli.config.ProjectProperties;
import dev.migrations.cli.config.Settings;
import dev.migrations.config.MigrationListener;
import dev.migrations.execute.RunResult;
import dev.migrations.settings.DatabaseUrl;
import dev.migrations.settings.MigrationsSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code migrations [global options] <command> [args]}: Alembic's command set over the engine (contract §5). Holds the
 * global options, which may also follow the command name, and gives the commands their engine and output.
 * Exit codes: 0 done, 1 a failure (cause and hint on stderr), 2 a usage error.
 */
@Command(name = "migrations", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
		versionProvider = MigrationsCommand.Version.class, sortOptions = false, usageHelpAutoWidth = true,
		description = "Alembic-grade schema migrations: a revision graph of SQL scripts, upgraded and downgraded.",
		footerHeading = "%nExample:%n", footer = "  migrations --url postgresql://app:secret@localhost:5432/app upgrade head")
public final class MigrationsCommand implements Runnable {

	/** The commands, in the order the usage help lists them. */
	private static final List<Class<?>> COMMANDS = List.of(InitCommand.class, RevisionCommand.class,
			UpgradeCommand.class, DowngradeCommand.class, CurrentCommand.class, HistoryCommand.class,
			HeadsCommand.class, BranchesCommand.class, ShowCommand.class, StampCommand.class, RepairCommand.class,
			MergeCommand.class, CheckCommand.class, GraphCommand.class, LintCommand.class);

	@Spec
	private CommandSpec spec;

	@Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL", order = 1,
			description = "JDBC URL or postgresql://user:pass@host:port/db (default: $MIGRATIONS_URL, $DATABASE_URL, "
					+ "then the project's spring.datasource.url)")
	private String url;

	@Option(names = "--user", scope = ScopeType.INHERIT, paramLabel = "USER", order = 2,
			description = "Database user (default: $MIGRATIONS_USER, the URL's user)")
	private String user;

	@Option(names = "--password", scope = ScopeType.INHERIT, paramLabel = "PASSWORD", order = 3,
			description = "Database password (default: $MIGRATIONS_PASSWORD, the URL's password)")
	private String password;

	@Option(names = "--locations", scope = ScopeType.INHERIT, split = ",", paramLabel = "LOCATION", order = 4,
			description = "Script locations, comma-separated, classpath: or filesystem: (default: "
					+ "src/main/resources/db/migrations if it exists, else ./migrations)")
	private List<String> locations;

	@Option(names = "--schema", scope = ScopeType.INHERIT, paramLabel = "SCHEMA", order = 5,
			description = "Schema of the version and history tables (default: the connection's)")
	private String schema;

	@Option(names = "--version-table", scope = ScopeType.INHERIT, paramLabel = "TABLE", order = 6,
			description = "Version table (default: migrations_version)")
	private String versionTable;

	@Option(names = "--history-table", scope = ScopeType.INHERIT, paramLabel = "TABLE", order = 7,
			description = "History table (default: migrations_history)")
	private String historyTable;

	@Option(names = "--lock-wait", scope = ScopeType.INHERIT, paramLabel = "DURATION", order = 8,
			description = "How long to wait for another run's migration lock: 60s, 2m, or seconds (default: 60s)")
	private String lockWait;

	/** The old name of {@code --lock-wait}, still accepted. */
	@Option(names = "--lock-timeout", scope = ScopeType.INHERIT, paramLabel = "DURATION", hidden = true)
	private String lockTimeout;

	@Option(names = "--statement-lock-timeout", scope = ScopeType.INHERIT, paramLabel = "DURATION", order = 8,
			description = "How long a revision's statement waits for a table or row lock before it fails: 500ms, 5s "
					+ "(default: the project's migrations.statement-lock-timeout, else the session's)")
	private String statementLockTimeout;

	@Option(names = "--statement-timeout", scope = ScopeType.INHERIT, paramLabel = "DURATION", order = 8,
			description = "How long a revision's statement may run: 30s, 10m (default: the project's "
					+ "migrations.statement-timeout, else the session's)")
	private String statementTimeout;

	@Option(names = "--lock-retries", scope = ScopeType.INHERIT, paramLabel = "N", order = 8,
			description = "Try a transactional revision that timed out on a lock again, up to N times, with growing "
					+ "pauses (default: the project's migrations.lock-retries, else 0)")
	private String lockRetries;

	@Option(names = "--reconnect", negatable = true, scope = ScopeType.INHERIT, order = 8,
			description = "After a lost connection, reconnect, lock again and go on where the database is (default: "
					+ "the project's migrations.reconnect, else on)")
	private Boolean reconnect;

	@Option(names = "--create-schemas", scope = ScopeType.INHERIT, order = 9,
			description = "Let upgrade, downgrade and stamp create a missing --schema (default: the project's "
					+ "migrations.create-schemas, else fail on a missing schema)")
	private boolean createSchemas;

	@Option(names = "--no-validate-checksums", scope = ScopeType.INHERIT, order = 10,
			description = "Run even if an applied script changed since it was applied (default: the project's "
					+ "migrations.validate-checksums, else validate)")
	private boolean noValidateChecksums;

	@Option(names = "--json", scope = ScopeType.INHERIT, order = 11,
			description = "Print one JSON document instead of text")
	private boolean json;

	@Option(names = "--profile", scope = ScopeType.INHERIT, split = ",", paramLabel = "PROFILE", order = 13,
			description = "Spring profiles of the project's configuration: application-<profile>.yml and "
					+ "on-profile documents (default: $SPRING_PROFILES_ACTIVE, then the project's spring.profiles.active)")
	private List<String> profiles;

	private boolean debug;

	private final Map<String, String> environment;

	private final Path directory;

	private MigrationsSettings settings;

	private Output output;

	public MigrationsCommand() {
		this(System.getenv(), Path.of(""));
	}

	/**
	 * @param environment the environment variables to read {@code MIGRATIONS_URL} and the rest from
	 * @param directory the working directory: its Spring Boot project and default script locations
	 */
	public MigrationsCommand(Map<String, String> environment, Path directory) {
		this.environment = Map.copyOf(environment);
		this.directory = directory;
	}

	public static void main(String[] args) {
		if (!Arrays.asList(args).contains("--debug")) {
			silenceDriverLogging();
		}
		System.exit(commandLine(new MigrationsCommand(), args).execute(args));
	}

	/**
	 * Drops the console handler of {@code java.util.logging}, which only the JDBC drivers log to: their warnings
	 * (a bad URL, a retry) would print on the terminal beside the one line that reports the failure. The engine logs
	 * through SLF4J, untouched; {@code --debug} keeps the drivers' log too.
	 */
	private static void silenceDriverLogging() {
		LogManager.getLogManager().reset();
	}

	/**
	 * The command line for these arguments, with this project's error handling: cause and hint, exit 1; usage
	 * errors, exit 2. Building picocli's model of a command costs reflection on all its options, which is much of a
	 * short command's time; so only the commands the arguments name are built, or all of them when they name none
	 * (help, a typo: picocli then lists or suggests them all).
	 */
	public static CommandLine commandLine(MigrationsCommand root, String... args) {
		CommandLine commandLine = new CommandLine(root);
		List<String> words = Arrays.asList(args);
		List<Class<?>> named = COMMANDS.stream().filter((command) -> words.contains(nameOf(command))).toList();
		for (Class<?> command : named.isEmpty() ? COMMANDS : named) {
			commandLine.addSubcommand(nameOf(command), command);
		}
		commandLine.setExecutionExceptionHandler(new FailureHandler(root));
		commandLine.setParameterExceptionHandler(new UsageErrorHandler());
		return commandLine;
	}

	private static String nameOf(Class<?> command) {
		return command.getAnnotation(Command.class).name();
	}

	@Option(names = "--debug", scope = ScopeType.INHERIT, order = 12,
			description = "Print stack traces and the engine's debug log")
	void debug(boolean debug) {
		this.debug = debug;
		if (debug) {
			System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
		}
	}

	boolean debug() {
		return this.debug;
	}

	@Override
	public void run() {
		throw new ParameterException(this.spec.commandLine(), "Missing command");
	}

	/** The settings, resolved once from the options, the environment and the project. */
	public MigrationsSettings settings() {
		if (this.settings == null) {
			if (this.lockTimeout != null) {
				this.spec.commandLine().getErr().println("Warning: --lock-timeout is deprecated; use --lock-wait");
			}
			this.settings = Settings.resolve(new GlobalOptions(this.url, this.user, this.password, this.locations,
					this.schema, this.versionTable, this.historyTable,
					(this.lockWait != null) ? this.lockWait : this.lockTimeout,
					this.createSchemas ? Boolean.TRUE : null, this.noValidateChecksums ? Boolean.FALSE : null,
					this.statementLockTimeout, this.statementTimeout, this.lockRetries, this.reconnect, this.profiles),
					this.environment, this.directory);
		}
		return this.settings;
	}

	/** The database the settings name, once they are resolved; for messages about a failed connection. */
	Optional<DatabaseUrl> database() {
		return Optional.ofNullable(this.settings).map(MigrationsSettings::database);
	}

	/** Where the database's URL was given ({@code --url}, {@code DATABASE_URL}...), once the settings are resolved. */
	Optional<String> databaseSource() {
		return Optional.ofNullable(this.settings).map(MigrationsSettings::databaseSource);
	}

	public Output output() {
		if (this.output == null) {
			this.output = new Output(this.spec.commandLine().getOut(), this.json);
		}
		return this.output;
	}

	/** The locations given with {@code --locations}, empty when none were. */
	public List<String> locationsOption() {
		return (this.locations != null) ? this.locations : List.of();
	}

	/** The working directory commands resolve their paths against. */
	public Path directory() {
		return this.directory;
	}

	/**
	 * The engine for a command. Its steps print as Alembic logs them ({@code Running upgrade a -> b, message}) unless
	 * the output is JSON.
	 */
	public Migrations migrations(DatabaseUse use) {
		MigrationsSettings settings = settings();
		Output output = output();
		MigrationListener listener = output.json() ? MigrationListener.NONE
				: (step) -> output.line(step.describe());
		DataSource dataSource = switch (use) {
			case REQUIRED -> Settings.dataSource(settings);
			case NONE -> null;
		};
		return new Migrations(settings.configBuilder().listener(listener).build(), dataSource);
	}

	/**
	 * Runs a command that changes the database ({@code upgrade}, {@code downgrade}, {@code stamp}); its steps print as
	 * they run, or with {@code --json} the whole result prints as one document at the end.
	 */
	public void change(Function<Migrations, RunResult> command) {
		RunResult result = command.apply(migrations(DatabaseUse.REQUIRED));
		if (output().json()) {
			output().document(JsonViews.run(result));
		}
	}

	/**
	 * A {@code true}/{@code false} {@code migrations.*} property of the Spring Boot project in the working directory,
	 * for an option of one command that the project may set; {@code false} when unset.
	 */
	public boolean projectFlag(String property) {
		return Boolean.parseBoolean(ProjectProperties.load(this.directory, this.environment, this.profiles)
			.get(property));
	}

	/** The version from the jar's manifest. */
	static final class Version implements IVersionProvider {

		@Override
		public String[] getVersion() {
			String version = MigrationsCommand.class.getPackage().getImplementationVersion();
			return new String[] { "migrations " + ((version != null) ? version : "(development build)") };
		}

	}

}
