package dev.migrations.cli.command;

import java.util.List;

import dev.migrations.Migrations;
import dev.migrations.NewRevision;
import dev.migrations.cli.CommandContext;
import dev.migrations.cli.DatabaseUse;
import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code revision -m MSG}: writes a new script, {@code {yyyyMMdd_HHmm}_{rev}_{slug}.sql}, revising the single head
 * (or {@code --head}), with its header filled in.
 */
@Command(name = "revision", description = "Write a new revision script.",
		footerHeading = "%nExamples:%n", footer = { "  migrations revision -m \"add user profile fields\"",
				"  migrations revision -m \"start reporting\" --head base --branch-label reporting" })
public final class RevisionCommand implements Runnable {

	private final CommandContext context;

	@Option(names = { "-m", "--message" }, paramLabel = "MSG", description = "The revision's message")
	private String message;

	@Option(names = "--head", paramLabel = "REV",
			description = "Revision(s) the new one revises: an id, <label>@head, or base for a new root "
					+ "(default: the single head)")
	private List<String> heads = List.of();

	@Option(names = "--splice", description = "Allow --head to name a revision that is not a head (starts a branch)")
	private boolean splice;

	@Option(names = "--branch-label", split = ",", paramLabel = "LABEL", description = "Branch label(s) for the new revision")
	private List<String> branchLabels = List.of();

	@Option(names = "--depends-on", split = ",", paramLabel = "REV",
			description = "Revision(s) or label(s) the new revision depends on")
	private List<String> dependsOn = List.of();

	@Option(names = "--rev-id", paramLabel = "ID", description = "The revision id (default: 12 random hex digits)")
	private String revisionId;

	/** Alembic's flag, known so that it is answered with where autogenerate runs instead of "Unknown option". */
	@Option(names = "--autogenerate", hidden = true)
	private boolean autogenerate;

	public RevisionCommand(CommandContext context) {
		this.context = context;
	}

	@Override
	public void run() {
		if (this.autogenerate) {
			throw new MigrationsException(ErrorKind.CONFIG,
					"--autogenerate runs where the entities are, in the project's build: ./mvnw migrations:revision "
							+ "-Dmigrations.message=\"" + ((this.message != null) ? this.message : "MSG") + "\"",
					"The Maven plugin dev.migrations:migrations-maven-plugin compares the JPA entities with the schema "
							+ "at head; here, 'migrations revision -m MSG' writes an empty revision");
		}
		Migrations migrations = this.context.migrations(DatabaseUse.NONE);
		NewRevision request = new NewRevision(this.message, this.heads, this.splice, this.branchLabels,
				this.dependsOn, this.revisionId, null);
		this.context.renderer().generated(migrations.revision(request));
	}

}
