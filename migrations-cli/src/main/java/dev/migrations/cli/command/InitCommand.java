package dev.migrations.cli.command;

import java.nio.file.Path;

import dev.migrations.Migrations;
import dev.migrations.cli.JsonViews;
import dev.migrations.cli.MigrationsCommand;
import dev.migrations.cli.Output;
import dev.migrations.cli.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code init [dir]}: creates the scripts directory with a README. Without a directory: in a Spring Boot project
 * {@code src/main/resources/db/migrations} (the application's {@code classpath:db/migrations}), else
 * {@code migrations}.
 */
@Command(name = "init", description = "Create a scripts directory with a README.",
		footerHeading = "%nExample:%n", footer = "  migrations init")
public final class InitCommand implements Runnable {

	@ParentCommand
	private MigrationsCommand root;

	@Parameters(arity = "0..1", paramLabel = "DIR",
			description = "Directory to create (default: src/main/resources/db/migrations in a Spring Boot project, "
					+ "else migrations)")
	private Path directory;

	@Override
	public void run() {
		Path created = Migrations.init(target());
		Output output = this.root.output();
		if (output.json()) {
			output.document(JsonViews.path(created));
		}
		else {
			output.line("Creating directory " + created.toAbsolutePath().normalize() + " ...  done");
			output.line("Write the first revision with: migrations revision -m \"create tables\"");
		}
	}

	private Path target() {
		return (this.directory != null) ? this.root.directory().resolve(this.directory)
				: Settings.newScriptDirectory(this.root.directory());
	}

}
