package dev.migrations.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.LogManager;

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
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code migrations [global options] <command> [args]}: Alembic's command set over the engine (contract §5). Holds the
 * global options, which may also follow the command name, and makes each command with a {@link CommandContext}.
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

	@Option(names = "--instance", scope = ScopeType.INHERIT, paramLabel = "NAME", order = 14,
			description = "Work on the migration set migrations.instances.<name>.* of the project's configuration "
					+ "(its url, user, password, locations and tables) instead of the default migrations.*")
	private String instance;

	private boolean debug;

	private final CommandContext context;

	public MigrationsCommand() {
		this(System.getenv(), Path.of(""));
	}

	/**
	 * @param environment the environment variables to read {@code MIGRATIONS_URL} and the rest from
	 * @param directory the working directory: its Spring Boot project and default script locations
	 */
	public MigrationsCommand(Map<String, String> environment, Path directory) {
		this.context = new CommandContext(this::invocation, environment, directory);
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
		CommandLine commandLine = new CommandLine(root, new ContextFactory(root.context));
		List<String> words = Arrays.asList(args);
		List<Class<?>> named = COMMANDS.stream().filter((command) -> words.contains(nameOf(command))).toList();
		for (Class<?> command : named.isEmpty() ? COMMANDS : named) {
			commandLine.addSubcommand(nameOf(command), command);
		}
		commandLine.setExecutionExceptionHandler(new FailureHandler(root.context));
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

	@Override
	public void run() {
		throw new ParameterException(this.spec.commandLine(), "Missing command");
	}

	/** The global options as parsed, for the context. */
	private CommandContext.Invocation invocation() {
		return new CommandContext.Invocation(new GlobalOptions(this.url, this.user, this.password, this.locations,
				this.schema, this.versionTable, this.historyTable,
				(this.lockWait != null) ? this.lockWait : this.lockTimeout,
				this.createSchemas ? Boolean.TRUE : null, this.noValidateChecksums ? Boolean.FALSE : null,
				this.statementLockTimeout, this.statementTimeout, this.lockRetries, this.reconnect, this.profiles,
				this.instance),
				this.lockTimeout != null, this.json, this.debug, this.spec.commandLine());
	}

	/**
	 * Makes each command with the context, its only way to the settings, the output and the engine; other objects
	 * (the version provider) as picocli does.
	 */
	private record ContextFactory(CommandContext context) implements IFactory {

		@Override
		public <K> K create(Class<K> type) throws Exception {
			try {
				return type.getConstructor(CommandContext.class).newInstance(this.context);
			}
			catch (NoSuchMethodException ex) {
				return CommandLine.defaultFactory().create(type);
			}
		}

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
