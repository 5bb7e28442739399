package dev.migrations.maven;

import java.io.File;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

	/**
	 * The database's URL instead of the project's {@code spring.datasource.url}: a JDBC URL or
	 * {@code postgresql://user:pass@host:port/db}, as the command line's {@code --url} takes it.
	 */
	@Parameter(property = "migrations.url")
	private String url;

	@Parameter(property = "migrations.user")
	private String user;

	@Parameter(property = "migrations.password")
	private String password;

	/**
	 * The Spring profiles whose {@code application-<profile>.*} files and documents apply, comma-separated, as the
	 * command line's {@code --profile} takes them; unset, {@code SPRING_PROFILES_ACTIVE} or the project's
	 * {@code spring.profiles.active} chooses.
	 */
	@Parameter(property = "migrations.profile")
	private String profile;

	/**
	 * The migration set {@code migrations.instances.<name>.*} of the project's configuration to work on (its
	 * database, login, locations, tables and entities), as the command line's {@code --instance} takes it; unset
	 * for the default set {@code migrations.*}.
	 */
	@Parameter(property = "migrations.instance")
	private String instance;

	@Override
	public final void execute() throws MojoFailureException {
		Map<String, String> flags = new HashMap<>();
		putGiven(flags, "url", this.url);
		putGiven(flags, "user", this.user);
		putGiven(flags, "password", this.password);
		putFlags(flags);
		try (ProjectClassLoader project = ProjectClassLoader.open(this.classpathElements,
				getClass().getClassLoader())) {
			ProjectSettings settings = ProjectSettings.read(this.basedir.toPath(), flags, System.getenv(),
					(this.profile != null) ? List.of(this.profile) : List.of(), this.instance);
			run(new Goal(settings, project.loader(), getLog()));
		}
		catch (MigrationsException ex) {
			String hint = (ex.hint() != null && !ex.hint().isBlank()) ? System.lineSeparator() + "Hint: " + ex.hint()
					: "";
			throw new MojoFailureException(ex.getMessage() + hint, ex);
		}
	}

	/** Adds a goal's own settings to those every goal takes, by their name under {@code migrations.}. */
	void putFlags(Map<String, String> flags) {
		// most goals take none
	}

	static void putGiven(Map<String, String> flags, String name, String value) {
		if (value != null) {
			flags.put(name, value);
		}
	}

	/** Runs the goal; a {@link MigrationsException} fails the build with its message and hint. */
	abstract void run(Goal goal) throws MojoFailureException;

}
