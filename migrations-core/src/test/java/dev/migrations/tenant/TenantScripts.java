package dev.migrations.tenant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import dev.migrations.Migrations;
import dev.migrations.config.MigrationsConfig;

/** A scripts folder of a linear chain {@code r01 <- r02 <- ...} for the tenant tests. */
final class TenantScripts {

	private final Path directory;

	private int count;

	TenantScripts(Path directory) {
		this.directory = directory;
	}

	/** Adds the next revision, {@code rNN}, revising the one before. */
	TenantScripts add(String upgrade) {
		this.count++;
		String id = id(this.count);
		String text = "-- Revision ID: " + id + "\n-- Revises: " + ((this.count > 1) ? id(this.count - 1) : "")
				+ "\n-- Message: step " + this.count + "\n\n-- migrate:upgrade\n" + upgrade + "\n";
		try {
			Files.writeString(this.directory.resolve(id + ".sql"), text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	static String id(int number) {
		return String.format("r%02d", number);
	}

	String head() {
		return id(this.count);
	}

	Path path() {
		return this.directory;
	}

	Migrations migrations(DataSource dataSource) {
		return new Migrations(MigrationsConfig.builder().locations("filesystem:" + this.directory).build(), dataSource);
	}

}
