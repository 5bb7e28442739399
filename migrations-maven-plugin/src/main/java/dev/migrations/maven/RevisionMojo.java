package dev.migrations.maven;

import java.nio.file.Path;
import java.util.List;

import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.migrations.NewRevision;
import dev.migrations.jpa.EntityComparison;
import dev.migrations.report.AlembicText;

/**
 * {@code migrations:revision -Dmigrations.message="…"}: Alembic's {@code revision --autogenerate}. Compares the
 * project's entities with the schema at head and writes a revision whose upgrade and downgrade sections are the
 * difference, printing a {@code Detected …} line per change; with no difference it writes nothing and says so. With
 * {@code -Dmigrations.autogenerate=false} it writes an empty revision, as {@code migrations revision} does.
 */
@Mojo(name = "revision", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class RevisionMojo extends EntityMojo {

	/** The revision's message, which also names its file. */
	@Parameter(property = "migrations.message")
	private String message;

	/** The revision's id; a random one when not given. */
	@Parameter(property = "migrations.rev-id")
	private String revisionId;

	/** Fill the revision from the entities (the default), or write it empty. */
	@Parameter(property = "migrations.autogenerate", defaultValue = "true")
	private boolean autogenerate;

	@Override
	void run(Goal goal) {
		NewRevision request = new NewRevision(this.message, List.of(), false, List.of(), List.of(), this.revisionId,
				null);
		if (this.autogenerate) {
			EntityComparison comparison = compareEntities(goal);
			if (comparison.diff().isEmpty()) {
				goal.log().info("No changes in schema detected; no revision written.");
				return;
			}
			goal.lines(comparison.diff().descriptions());
			request = comparison.revision(request);
		}
		Path written = goal.scriptsOnly().revision(request);
		goal.log().info(AlembicText.generating(written));
	}

}
