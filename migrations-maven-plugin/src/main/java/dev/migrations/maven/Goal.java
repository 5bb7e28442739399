package dev.migrations.maven;

import java.nio.file.Path;
import java.util.List;

import org.apache.maven.plugin.logging.Log;

import dev.migrations.Migrations;
import dev.migrations.config.MigrationListener;
import dev.migrations.config.MigrationsConfig;
import dev.migrations.jpa.EntityClasses;
import dev.migrations.jpa.EntityComparison;
import dev.migrations.jpa.EntityModel;
import dev.migrations.settings.DatabaseUrl;

/**
 * A running goal's project: its settings, its class loader and where its lines go.
 *
 * @param settings the database, credentials and locations
 * @param projectClassLoader the project's classes and dependencies
 * @param log where lines go, as the command line prints them
 */
record Goal(ProjectSettings settings, ClassLoader projectClassLoader, Log log) {

	/** The engine on the configured database. */
	Migrations migrations() {
		return new Migrations(config(), this.settings.dataSource());
	}

	/** The engine on the scripts alone. */
	Migrations scriptsOnly() {
		return new Migrations(config(), null);
	}

	/**
	 * The engine's configuration. Its steps need no listener: the engine logs each one through SLF4J
	 * ({@code Running upgrade a -> b, message}), which Maven prints as the command line prints them.
	 */
	MigrationsConfig config() {
		return this.settings.config(MigrationListener.NONE);
	}

	/**
	 * The migration set's entities under {@code classesDirectory} (those of its entity packages, else all) compared
	 * with the schema at head: the configured database, which must be at head, or with {@code devUrl} a scratch
	 * database upgraded and emptied again.
	 */
	EntityComparison compareEntities(Path classesDirectory, String devUrl) {
		EntityModel entities = new EntityModel(
				EntityClasses.scan(classesDirectory, this.projectClassLoader, this.settings.settings().entityPackages()),
				this.settings.properties(), this.projectClassLoader);
		if (devUrl == null) {
			return EntityComparison.withDatabaseAtHead(config(), this.settings.url(), this.settings.user(),
					this.settings.password(), entities);
		}
		DatabaseUrl dev = DatabaseUrl.parse(devUrl, "-Dmigrations.dev-url");
		String user = (dev.user() != null) ? dev.user() : this.settings.user();
		String password = (dev.password() != null) ? dev.password() : this.settings.password();
		return EntityComparison.withScratchAtHead(config(), dev.jdbcUrl(), user, password, entities);
	}

	void lines(List<String> lines) {
		lines.forEach(this.log::info);
	}

}
