package dev.migrations.cli.command;

import java.nio.file.Path;

import dev.migrations.Migrations;
import dev.migrations.script.Location;
import dev.migrations.cli.JsonViews;
import dev.migrations.cli.MigrationsCommand;
import dev.migrations.cli.Output;
import dev.migrations.cli.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code init [dir]}: creates the scripts directory with a README. Without a directory: the first filesystem
 * location of {@code --locations}; else in a Spring Boot project {@code src/main/resources/db/migrations} (the
 * application's {@code classpath:db/migrations}), else {@code migrations}. The next command it suggests finds the
 * new directory: it carries {@code --locations} when the directory is not where commands look by default.
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
			output.line("Write the first revision with: migrations " + locationsOption(created)
					+ "revision -m \"create tables\"");
		}
	}

	private Path target() {
		if (this.directory != null) {
			return this.root.directory().resolve(this.directory);
		}
		return this.root.locationsOption()
			.stream()
			.map(Location::parse)
			.filter((location) -> !location.isClasspath())
			.map((location) -> this.root.directory().resolve(location.directory()))
			.findFirst()
			.orElseGet(() -> Settings.newScriptDirectory(this.root.directory()));
	}

	/** {@code --locations filesystem:<dir> } unless commands run here without it find {@code created}. */
	private String locationsOption(Path created) {
		Path normalized = created.toAbsolutePath().normalize();
		if (this.root.locationsOption().isEmpty()
				&& normalized.equals(Settings.newScriptDirectory(this.root.directory()).toAbsolutePath().normalize())) {
			return "";
		}
		Path here = this.root.directory().toAbsolutePath().normalize();
		Path shown = normalized.startsWith(here) ? here.relativize(normalized) : normalized;
		return "--locations filesystem:" + shown + " ";
	}

}
