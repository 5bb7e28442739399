package dev.migrations.script;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.util.List;

import dev.migrations.graph.Revision;

/** Turns a {@link JavaMigration} into a {@link RevisionScript}, its header taken from {@link MigrationRevision}. */
final class JavaMigrations {

	private JavaMigrations() {
	}

	/**
	 * The script of one Java migration: sorted by its simple class name, located by its class name, reversible
	 * if its class overrides {@link JavaMigration#downgrade}, without a checksum.
	 * @throws ScriptException when the class (or, for a proxy, a superclass) has no {@link MigrationRevision}, or its
	 * id breaks the revision id rule
	 */
	static RevisionScript toScript(JavaMigration migration) {
		Class<?> annotated = annotatedClass(migration.getClass());
		if (annotated == null) {
			throw new ScriptException(migration.getClass().getName(), 0, "Java migration has no @MigrationRevision",
					"Annotate the class with @MigrationRevision(id = \"" + ScriptWriter.newRevisionId()
							+ "\", revises = ...)");
		}
		String className = annotated.getName();
		MigrationRevision header = annotated.getAnnotation(MigrationRevision.class);
		if (!RevisionIds.isValid(header.id()) || RevisionIds.isReserved(header.id())) {
			String problem = RevisionIds.isReserved(header.id()) ? "cannot be '" + header.id() + "': " + RevisionIds.problem(header.id())
					: "must be " + RevisionIds.RULE + ", not '" + header.id() + "'";
			throw new ScriptException(className, 0, "@MigrationRevision id " + problem,
					"Use an id such as \"" + ScriptWriter.newRevisionId() + "\"");
		}
		for (String label : header.branchLabels()) {
			if (!RevisionIds.isValid(label) || RevisionIds.isReserved(label)) {
				throw new ScriptException(className, 0,
						"@MigrationRevision branch label '" + label + "' is not valid: " + RevisionIds.problem(label),
						"Rename the label in @MigrationRevision(branchLabels = ...)");
			}
		}
		Revision revision = new Revision(header.id(), List.of(header.revises()), List.of(header.dependsOn()),
				List.of(header.branchLabels()), header.message(), className);
		MigrationBody downgrade = overridesDowngrade(migration.getClass()) ? new MigrationBody.Java(migration, false)
				: null;
		return new RevisionScript(revision, annotated.getSimpleName(), className,
				new MigrationBody.Java(migration, true), downgrade, header.transactional(), null, null);
	}

	/** The class itself or, for a subclassing proxy, the nearest superclass that carries the annotation. */
	private static Class<?> annotatedClass(Class<?> type) {
		for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
			if (candidate.isAnnotationPresent(MigrationRevision.class)) {
				return candidate;
			}
		}
		return null;
	}

	private static boolean overridesDowngrade(Class<?> type) {
		try {
			Method downgrade = type.getMethod("downgrade", Connection.class);
			return downgrade.getDeclaringClass() != JavaMigration.class;
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(type.getName() + " implements JavaMigration without downgrade", ex);
		}
	}

}
