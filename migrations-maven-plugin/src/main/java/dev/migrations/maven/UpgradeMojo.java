package dev.migrations.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code migrations:upgrade [-Dmigrations.target=…]}: as {@code migrations upgrade}, to head unless told. */
@Mojo(name = "upgrade", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class UpgradeMojo extends MigrationsMojo {

	/** head (the default), heads, an id or prefix, +N, &lt;label&gt;@head... */
	@Parameter(property = "migrations.target", defaultValue = "head")
	private String target;

	@Override
	void run(Goal goal) {
		goal.migrations().upgrade(this.target);
	}

}
