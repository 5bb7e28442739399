package dev.migrations.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.migrations.Migrations;
import dev.migrations.cli.config.GlobalOptions;
import dev.migrations.cli.config.Settings;
import dev.migrations.execute.RunResult;
import dev.migrations.settings.MigrationInstances;
import dev.migrations.settings.MigrationsSettings;
import dev.migrations.settings.ProjectProperties;
import picocli.CommandLine;

/**
 * What every command works with: the settings, the renderer of its results and the engine, each made once, when
 * first asked for, from the global options the command line was given. Commands get this, not the root command.
 */
public final class CommandContext {

	private final Supplier<Invocation> invocation;

	private final Map<String, String> environment;

	private final Path directory;

	private MigrationsSettings settings;

	private Output output;

	/**
	 * @param invocation the global options, once the command line is parsed
	 * @param environment the environment variables
	 * @param directory the working directory: its Spring Boot project and default script locations
	 */
	CommandContext(Supplier<Invocation> invocation, Map<String, String> environment, Path directory) {
		this.invocation = invocation;
		this.environment = Map.copyOf(environment);
		this.directory = directory;
	}

	/** The settings, resolved once from the options, the environment and the project. */
	public MigrationsSettings settings() {
		if (this.settings == null) {
			Invocation invocation = this.invocation.get();
			if (invocation.lockTimeoutAlias()) {
				invocation.commandLine().getErr().println("Warning: --lock-timeout is deprecated; use --lock-wait");
			}
			this.settings = Settings.resolve(invocation.options(), this.environment, this.directory);
		}
		return this.settings;
	}

	/** The settings if a command resolved them; for messages about a failure. */
	Optional<MigrationsSettings> resolvedSettings() {
		return Optional.ofNullable(this.settings);
	}

	/** Standard output, for what is the same in every format (a graph export) or has formats of its own (lint). */
	public Output output() {
		if (this.output == null) {
			Invocation invocation = this.invocation.get();
			this.output = new Output(invocation.commandLine().getOut(), invocation.json());
		}
		return this.output;
	}

	/** The text or, with {@code --json}, the JSON of the commands' results. */
	public Renderer renderer() {
		return Renderer.of(output().json(), output());
	}

	/** Whether {@code --debug} asked for stack traces. */
	boolean debug() {
		return this.invocation.get().debug();
	}

	/**
	 * A {@code true}/{@code false} setting of the migration set the command works on, for an option of one command
	 * that the project may set: {@code migrations.<key>}, or with {@code --instance <name>}
	 * {@code migrations.instances.<name>.<key>}, in the Spring Boot project of the working directory; {@code false}
	 * when unset.
	 */
	public boolean projectFlag(String key) {
		String instance = this.invocation.get().options().instance();
		String prefix = (instance != null) ? MigrationInstances.prefix(instance) : "migrations.";
		return Boolean.parseBoolean(projectProperty(prefix + key));
	}

	/** A {@code migrations.*} property of the Spring Boot project in the working directory; {@code null} when unset. */
	public String projectProperty(String property) {
		return ProjectProperties.load(this.directory, this.environment, this.invocation.get().options().profiles())
			.get(property);
	}

	/** The locations given with {@code --locations}, empty when none were. */
	public List<String> locationsOption() {
		return this.invocation.get().options().locations();
	}

	/** The working directory commands resolve their paths against. */
	public Path directory() {
		return this.directory;
	}

	/** The engine for a command; its steps go to the renderer as they run. */
	public Migrations migrations(DatabaseUse use) {
		MigrationsSettings settings = settings();
		DataSource dataSource = switch (use) {
			case REQUIRED -> Settings.dataSource(settings);
			case NONE -> null;
		};
		return new Migrations(settings.configBuilder().listener(renderer().listener()).build(), dataSource);
	}

	/** Runs a command that changes the database ({@code upgrade}, {@code downgrade}, {@code stamp}) and renders it. */
	public void change(Function<Migrations, RunResult> command) {
		renderer().ran(command.apply(migrations(DatabaseUse.REQUIRED)));
	}

	/**
	 * The global options of one run of the command line.
	 *
	 * @param options the settings among them
	 * @param lockTimeoutAlias whether the lock wait was given by its deprecated name {@code --lock-timeout}
	 * @param json {@code --json}
	 * @param debug {@code --debug}
	 * @param commandLine the parsed command line, with its standard output and error
	 */
	record Invocation(GlobalOptions options, boolean lockTimeoutAlias, boolean json, boolean debug,
			CommandLine commandLine) {

	}

}
