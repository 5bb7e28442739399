package dev.migrations.benchmarks.workload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A generated revision set written to disk in each contender's format, under one root directory:
 * {@code engine/} holds this project's scripts (contract §2), {@code flyway/} Flyway's {@code V<n>__<slug>.sql} files
 * and {@code liquibase/changelog.sql} a Liquibase formatted-SQL changelog, all with the same statements in the
 * same linear order. The JDBC floor reads the Flyway files, which hold nothing but the statements.
 *
 * @param root the directory that holds the three formats
 * @param size how many revisions
 */
public record Workload(Path root, int size) {

	/** The {@code Create Date} every generated script carries, so that equal seeds give equal files. */
	private static final String CREATE_DATE = "2026-01-01 00:00:00";

	public static final String LIQUIBASE_CHANGELOG = "changelog.sql";

	/** Writes the revisions in all three formats below {@code root} (which must not hold an older set). */
	public static Workload write(Path root, List<GeneratedRevision> revisions) {
		try {
			Workload workload = new Workload(root, revisions.size());
			Files.createDirectories(workload.engineScripts());
			Files.createDirectories(workload.flywayScripts());
			Files.createDirectories(workload.liquibaseDirectory());
			StringBuilder changelog = new StringBuilder("-- liquibase formatted sql\n");
			for (GeneratedRevision revision : revisions) {
				String engineName = String.format(Locale.ROOT, "%05d_%s_%s.sql", revision.number(), revision.id(),
						revision.slug());
				write(workload.engineScripts().resolve(engineName), engineScript(revision));
				write(workload.flywayScripts().resolve("V" + revision.number() + "__" + revision.slug() + ".sql"),
						statements("", revision.upgrade()));
				changelog.append("\n-- changeset bench:").append(revision.number()).append('\n')
					.append(statements("", revision.upgrade()))
					.append(statements("-- rollback ", revision.downgrade()));
			}
			write(workload.liquibaseDirectory().resolve(LIQUIBASE_CHANGELOG), changelog.toString());
			return workload;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Can't write the workload to " + root, ex);
		}
	}

	/** A workload written earlier by {@link #write}; its size is the number of Flyway files. */
	public static Workload open(Path root) {
		try (Stream<Path> files = Files.list(root.resolve("flyway"))) {
			return new Workload(root, (int) files.count());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No workload at " + root, ex);
		}
	}

	public Path engineScripts() {
		return this.root.resolve("engine");
	}

	public Path flywayScripts() {
		return this.root.resolve("flyway");
	}

	public Path liquibaseDirectory() {
		return this.root.resolve("liquibase");
	}

	private static String engineScript(GeneratedRevision revision) {
		return "-- Revision ID: " + revision.id() + "\n"
				+ "-- Revises: " + String.join(", ", revision.revises()) + "\n"
				+ "-- Create Date: " + CREATE_DATE + "\n"
				+ "-- Message: " + revision.message() + "\n"
				+ "\n-- migrate:upgrade\n" + statements("", revision.upgrade())
				+ "\n-- migrate:downgrade\n" + statements("", revision.downgrade());
	}

	private static String statements(String prefix, List<String> statements) {
		StringBuilder text = new StringBuilder();
		for (String statement : statements) {
			text.append(prefix).append(statement).append(";\n");
		}
		return text.toString();
	}

	private static void write(Path file, String text) throws IOException {
		Files.writeString(file, text, StandardCharsets.UTF_8);
	}

}
