package dev.migrations.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.migrations.jpa.EntityComparison;

/**
 * {@code migrations:check}: Alembic 1.9's {@code check}, for CI. Fails when the database is not at head, or when
 * the entities and the schema at head differ; the differences are listed as the SQL that would fix them.
 */
@Mojo(name = "check", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class CheckMojo extends EntityMojo {

	@Override
	void run(Goal goal) throws MojoFailureException {
		EntityComparison comparison = compareEntities(goal);
		if (comparison.diff().isEmpty()) {
			goal.log().info("No new upgrade operations detected.");
			return;
		}
		goal.lines(comparison.diff().descriptions());
		comparison.upgrade().forEach((statement) -> goal.log().error(statement.toScript()));
		throw new MojoFailureException("New upgrade operations detected: " + comparison.diff().changes().size()
				+ " change(s) between the entities and the schema at head, the SQL above would apply them; "
				+ "write them with migrations:revision -Dmigrations.message=...");
	}

}
