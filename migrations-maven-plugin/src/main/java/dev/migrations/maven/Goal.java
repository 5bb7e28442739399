package dev.migrations.maven;

import java.util.List;

import org.apache.maven.plugin.logging.Log;

import dev.migrations.Migrations;
import dev.migrations.config.MigrationListener;
import dev.migrations.config.MigrationsConfig;

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

	void lines(List<String> lines) {
		lines.forEach(this.log::info);
	}

}
