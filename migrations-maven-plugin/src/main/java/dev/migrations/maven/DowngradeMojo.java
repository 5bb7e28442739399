package dev.migrations.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code migrations:downgrade -Dmigrations.target=-1}: as {@code migrations downgrade}. */
@Mojo(name = "downgrade", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class DowngradeMojo extends MigrationsMojo {

	/** -N, an id or prefix, base, &lt;label&gt;@-N...; required, as the command's argument is. */
	@Parameter(property = "migrations.target", required = true)
	private String target;

	@Override
	void run(Goal goal) {
		goal.migrations().downgrade(this.target);
	}

}
