package dev.migrations.benchmarks.workload;

import java.util.List;
import java.util.Locale;

/**
 * One generated revision: its place in the linear order every tool runs, its graph edges for the engine, and
 * the statements it runs. Every statement is one line without a trailing semicolon and without a semicolon
 * inside, so each format can write it as {@code statement;} on a line of its own.
 *
 * @param number the 1-based position in the linear order (the Flyway version, the Liquibase changeset id)
 * @param id the engine's revision id
 * @param revises the engine revisions this one revises: none for the base, two for a merge
 * @param message what the revision does
 * @param upgrade the statements that apply it
 * @param downgrade the statements that revert it, in the order they run
 */
public record GeneratedRevision(int number, String id, List<String> revises, String message, List<String> upgrade,
		List<String> downgrade) {

	public GeneratedRevision {
		revises = List.copyOf(revises);
		upgrade = List.copyOf(upgrade);
		downgrade = List.copyOf(downgrade);
	}

	/** A file-name-safe form of the message: lower case, runs of other characters as {@code _}. */
	public String slug() {
		String slug = this.message.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
		slug = slug.replaceAll("^_|_$", "");
		return (slug.length() > 40) ? slug.substring(0, 40) : slug;
	}

}
