package dev.migrations.cli.command;

import java.nio.file.Path;

import dev.migrations.Migrations;
import dev.migrations.cli.CommandContext;
import dev.migrations.script.Location;
import dev.migrations.settings.SpringBootProject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code init [dir]}: creates the scripts directory with a README. Without a directory: the first filesystem
 * location of {@code --locations}; else in a Spring Boot project {@code src/main/resources/db/migrations} (the
 * application's {@code classpath:db/migrations}), else {@code migrations}. The next command it suggests finds the
 * new directory: it carries {@code --locations} when the directory is not where commands look by default.
 */
@Command(name = "init", description = "Create a scripts directory with a README.",
		footerHeading = "%nExample:%n", footer = "  migrations init")
public final class InitCommand implements Runnable {

	private final CommandContext context;

	@Parameters(arity = "0..1", paramLabel = "DIR",
			description = "Directory to create (default: src/main/resources/db/migrations in a Spring Boot project, "
					+ "else migrations)")
	private Path directory;

	public InitCommand(CommandContext context) {
		this.context = context;
	}

	@Override
	public void run() {
		Path created = Migrations.init(target());
		this.context.renderer()
			.initialized(created, "migrations " + locationsOption(created) + "revision -m \"create tables\"");
	}

	private Path target() {
		if (this.directory != null) {
			return this.context.directory().resolve(this.directory);
		}
		return this.context.locationsOption()
			.stream()
			.map(Location::parse)
			.filter((location) -> !location.isClasspath())
			.map((location) -> this.context.directory().resolve(location.directory()))
			.findFirst()
			.orElseGet(() -> SpringBootProject.newScriptDirectory(this.context.directory()));
	}

	/** {@code --locations filesystem:<dir> } unless commands run here without it find {@code created}. */
	private String locationsOption(Path created) {
		Path normalized = created.toAbsolutePath().normalize();
		if (this.context.locationsOption().isEmpty()
				&& normalized.equals(SpringBootProject.newScriptDirectory(this.context.directory()).toAbsolutePath().normalize())) {
			return "";
		}
		Path here = this.context.directory().toAbsolutePath().normalize();
		Path shown = normalized.startsWith(here) ? here.relativize(normalized) : normalized;
		return "--locations filesystem:" + shown + " ";
	}

}
