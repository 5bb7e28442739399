package dev.migrations.settings;

/** Where a setting was found, highest precedence first. */
public enum SettingLayer {

	/** An option of the command ({@code --lock-timeout}). */
	FLAG,
	/** An environment variable ({@code MIGRATIONS_LOCKTIMEOUT}, {@code DATABASE_URL}). */
	ENVIRONMENT,
	/** The application's configuration ({@code migrations.lock-timeout} in {@code application.yml}). */
	APPLICATION,
	/** The engine's default. */
	DEFAULT

}
