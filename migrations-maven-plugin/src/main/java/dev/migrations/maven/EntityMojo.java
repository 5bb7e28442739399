package dev.migrations.maven;

import java.io.File;
import java.util.Map;

import org.apache.maven.plugins.annotations.Parameter;

import dev.migrations.jpa.EntityComparison;

/**
 * What {@code revision} and {@code check} share: the project's entities, compiled into {@code target/classes},
 * compared with the schema at head of the configured database or a scratch one.
 */
abstract class EntityMojo extends MigrationsMojo {

	/**
	 * A scratch database to compare with instead of the configured one: the goal upgrades it to head and downgrades
	 * it to base afterwards.
	 */
	@Parameter(property = "migrations.dev-url")
	private String devUrl;

	/**
	 * The packages of the migration set's entities, comma-separated, each with its subpackages, instead of the
	 * project's {@code migrations.entity-packages} (an instance's {@code migrations.instances.<name>.entity-packages});
	 * unset there too, every entity of the project.
	 */
	@Parameter(property = "migrations.entity-packages")
	private String entityPackages;

	@Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true, required = true)
	private File classesDirectory;

	@Override
	final void putFlags(Map<String, String> flags) {
		putGiven(flags, "entity-packages", this.entityPackages);
	}

	/** The migration set's entities compared with the schema at head. */
	EntityComparison compareEntities(Goal goal) {
		return goal.compareEntities(this.classesDirectory.toPath(), this.devUrl);
	}

}
