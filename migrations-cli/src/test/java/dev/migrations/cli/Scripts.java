package dev.migrations.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes revision scripts (contract §2) into a directory for a test, each creating and dropping a table of its own. */
final class Scripts {

	private final Path directory;

	Scripts(Path directory) {
		this.directory = directory;
	}

	/** A reversible revision; {@code revises} is comma-separated, empty for a base. */
	Path revision(String file, String id, String revises, String... extraHeaders) {
		return write(file, header(id, revises, extraHeaders) + upgrade(id) + downgrade(id));
	}

	/** A revision without a downgrade section. */
	Path irreversible(String file, String id, String revises) {
		return write(file, header(id, revises) + upgrade(id));
	}

	Path write(String file, String content) {
		try {
			Files.createDirectories(this.directory);
			return Files.writeString(this.directory.resolve(file), content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String header(String id, String revises, String... extraHeaders) {
		StringBuilder header = new StringBuilder();
		header.append("-- Revision ID: ").append(id).append('\n');
		header.append("-- Revises: ").append(revises).append('\n');
		header.append("-- Message: revision ").append(id).append('\n');
		for (String extra : extraHeaders) {
			header.append("-- ").append(extra).append('\n');
		}
		return header.append('\n').toString();
	}

	static String upgrade(String id) {
		return "-- migrate:upgrade\nCREATE TABLE t_" + id + " (id integer primary key);\n\n";
	}

	static String downgrade(String id) {
		return "-- migrate:downgrade\nDROP TABLE t_" + id + ";\n";
	}

}
