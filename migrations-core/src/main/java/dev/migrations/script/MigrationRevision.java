package dev.migrations.script;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The header of a {@link JavaMigration}: the same fields as a script's {@code -- Key: value} lines. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MigrationRevision {

	/** The revision id. */
	String id();

	/** The revisions this one revises; empty for a base revision, several for a merge. */
	String[] revises() default {};

	/** The message; empty for none. */
	String message() default "";

	/** Branch labels declared on this revision. */
	String[] branchLabels() default {};

	/** Revisions (ids or branch labels) this one depends on. */
	String[] dependsOn() default {};

	/** {@code false} runs the revision outside a transaction. */
	boolean transactional() default true;

}
