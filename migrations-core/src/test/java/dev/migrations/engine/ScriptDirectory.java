package dev.migrations.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.migrations.Migrations;
import dev.migrations.config.MigrationsConfig;

/** A scripts folder a test writes revisions into, one {@code .sql} file each, in the order given by file names. */
final class ScriptDirectory {

	private final Path directory;

	ScriptDirectory(Path directory) {
		this.directory = directory;
	}

	Path path() {
		return this.directory;
	}

	/** Writes {@code <file>} with a header for {@code id} revising {@code revises} and the given sections. */
	ScriptDirectory revision(String file, String id, String revises, String upgrade, String downgrade) {
		StringBuilder text = new StringBuilder();
		text.append("-- Revision ID: ").append(id).append('\n');
		text.append("-- Revises: ").append((revises != null) ? revises : "").append('\n');
		text.append("-- Message: ").append(file.replace(".sql", "")).append("\n\n");
		text.append("-- migrate:upgrade\n").append(upgrade).append('\n');
		if (downgrade != null) {
			text.append("\n-- migrate:downgrade\n").append(downgrade).append('\n');
		}
		return write(file, text.toString());
	}

	ScriptDirectory write(String file, String text) {
		try {
			Files.writeString(this.directory.resolve(file), text);
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	MigrationsConfig.Builder config() {
		return MigrationsConfig.builder().locations("filesystem:" + this.directory);
	}

	Migrations migrations(javax.sql.DataSource dataSource) {
		return new Migrations(config().build(), dataSource);
	}

}
