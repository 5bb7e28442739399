package dev.migrations.maven;

import java.io.File;
import java.util.List;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import dev.migrations.error.MigrationsException;

/**
 * What every goal shares: the project's settings ({@link ProjectSettings}), its class path as the context class
 * loader, the engine's steps printed as the command line prints them, and a failure reported as its cause and hint.
 */
abstract class MigrationsMojo extends AbstractMojo {

	@Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
	private File basedir;

	@Parameter(defaultValue = "${project.runtimeClasspathElements}", readonly = true, required = true)
	private List<String> classpathElements;

	/** The database's JDBC URL instead of the project's {@code spring.datasource.url}. */
	@Parameter(property = "migrations.url")
	private String url;

	@Parameter(property = "migrations.user")
	private String user;

	@Parameter(property = "migrations.password")
	private String password;

	@Override
	public final void execute() throws MojoFailureException {
		ProjectSettings settings = ProjectSettings.read(this.basedir.toPath(), this.url, this.user, this.password);
		try (ProjectClassLoader project = ProjectClassLoader.open(this.classpathElements,
				getClass().getClassLoader())) {
			run(new Goal(settings, project.loader(), getLog()));
		}
		catch (MigrationsException ex) {
			String hint = (ex.hint() != null && !ex.hint().isBlank()) ? System.lineSeparator() + "Hint: " + ex.hint()
					: "";
			throw new MojoFailureException(ex.getMessage() + hint, ex);
		}
	}

	/** Runs the goal; a {@link MigrationsException} fails the build with its message and hint. */
	abstract void run(Goal goal) throws MojoFailureException;

	/** The directory of the project the goal runs in. */
	File basedir() {
		return this.basedir;
	}

}
