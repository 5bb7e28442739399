package dev.migrations.maven;

import java.util.List;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code migrations:stamp -Dmigrations.target=…}: as {@code migrations stamp}, several targets comma-separated. */
@Mojo(name = "stamp", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class StampMojo extends MigrationsMojo {

	@Parameter(property = "migrations.target", required = true)
	private List<String> target;

	/** Empty the version table first, even if it names unknown revisions. */
	@Parameter(property = "migrations.purge", defaultValue = "false")
	private boolean purge;

	@Override
	void run(Goal goal) {
		goal.migrations().stamp(this.target, this.purge);
	}

}
