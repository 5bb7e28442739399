package dev.migrations.settings;

/**
 * Which database migrations run on, before its URL is read: the first of a URL given for the command
 * ({@code --url}, {@code MIGRATIONS_URL}, {@code DATABASE_URL}), a database of their own ({@code migrations.url}) and
 * the application's ({@code spring.datasource.url}). {@link SettingsResolver} chooses; the command line connects to
 * the URL, the starter to a DataSource of the same choice.
 */
public sealed interface DatabaseChoice {

	/** The URL as given, or {@code null} when the choice names none. */
	String url();

	/** Where the URL was given ({@code --url}, {@code DATABASE_URL}, a key and its file), or {@code null}. */
	String origin();

	/** The login that goes with this database when neither the command nor its URL gives one. */
	Login login();

	/** No database is configured. */
	record None() implements DatabaseChoice {

		@Override
		public String url() {
			return null;
		}

		@Override
		public String origin() {
			return null;
		}

		@Override
		public Login login() {
			return Login.NONE;
		}

	}

	/**
	 * A URL given for the command: it takes no credentials from the application's configuration, which describes
	 * another database.
	 */
	record Given(String url, String origin) implements DatabaseChoice {

		@Override
		public Login login() {
			return Login.NONE;
		}

	}

	/** A database of migrations' own, {@code migrations.url}, with only {@code migrations.user}/{@code password}. */
	record Dedicated(String url, String origin, Login login) implements DatabaseChoice {

	}

	/**
	 * The application's database, logged in to as {@code migrations.user}/{@code password} where set, else as the
	 * application logs in.
	 *
	 * @param url {@code spring.datasource.url}, or {@code null} when the application's DataSource comes from elsewhere
	 * @param origin where the URL was given, or {@code null}
	 * @param migrationsLogin {@code migrations.user} and {@code migrations.password}: they override the application's
	 * @param applicationLogin {@code spring.datasource.username} and {@code password}
	 */
	record Application(String url, String origin, Login migrationsLogin,
			Login applicationLogin) implements DatabaseChoice {

		@Override
		public Login login() {
			return this.migrationsLogin.or(this.applicationLogin);
		}

	}

}
