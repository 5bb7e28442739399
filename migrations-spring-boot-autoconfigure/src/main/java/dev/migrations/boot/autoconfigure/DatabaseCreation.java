package dev.migrations.boot.autoconfigure;

import javax.sql.DataSource;

import dev.migrations.dialect.DatabaseCreator;
import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.settings.DatabaseChoice;
import dev.migrations.settings.Login;
import dev.migrations.settings.MigrationInstances;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * {@code create-database=true} of a migration set: before its start-up strategy runs, creates the database the set
 * connects to when it is missing, from the URL and credentials it connects with (its own {@code url}, else the
 * application's connection details, its {@code user} and {@code password} overriding as they do for the connection).
 * The default set reads {@code migrations.*}, an instance {@code migrations.instances.<name>.*} and nothing of the
 * default set's. The application's pool has not connected yet: nothing before the initializers uses the database.
 */
final class DatabaseCreation {

	private static final Log logger = LogFactory.getLog(DatabaseCreation.class);

	private DatabaseCreation() {
	}

	/** The default set's strategy, run after creating the database if {@code migrations.create-database} asks. */
	static MigrationsStartupStrategy before(MigrationsStartupStrategy strategy, MigrationsProperties properties,
			@Nullable DataSource qualified, @Nullable JdbcConnectionDetails details) {
		if (!properties.isCreateDatabase()) {
			return strategy;
		}
		return before(strategy, new Source("migrations.", properties.getUrl(),
				new Login(properties.getUser(), properties.getPassword()),
				(qualified != null) ? "a @MigrationsDataSource bean gives none" : null), details);
	}

	/**
	 * An instance's strategy, run after creating the database if its own {@code create-database} asks.
	 * @param options the instance's {@code create-database} and {@code data-source} (a bean, which gives no URL)
	 * @param choice the instance's database as the settings rule chose it
	 */
	static MigrationsStartupStrategy beforeInstance(MigrationsStartupStrategy strategy, String instance,
			MigrationsInstanceProperties options, DatabaseChoice choice, @Nullable JdbcConnectionDetails details) {
		if (!options.isCreateDatabase()) {
			return strategy;
		}
		String prefix = MigrationInstances.prefix(instance);
		String dataSourceBean = options.getDataSource();
		if (dataSourceBean != null) {
			return before(strategy,
					new Source(prefix, null, Login.NONE, "the DataSource bean '" + dataSourceBean + "' gives none"),
					details);
		}
		Source source = (choice instanceof DatabaseChoice.Dedicated dedicated)
				? new Source(prefix, dedicated.url(), dedicated.login(), null)
				: new Source(prefix, null, ((DatabaseChoice.Application) choice).migrationsLogin(), null);
		return before(strategy, source, details);
	}

	private static MigrationsStartupStrategy before(MigrationsStartupStrategy strategy, Source source,
			@Nullable JdbcConnectionDetails details) {
		return (migrations) -> {
			source.createIfMissing(details);
			strategy.migrate(migrations);
		};
	}

	/**
	 * Where a set's database is described.
	 * @param prefix the set's keys' prefix, {@code migrations.} or an instance's
	 * @param url the set's own URL, or {@code null} for the application's
	 * @param login the set's own login, over the application's
	 * @param noUrl why the set has no URL to create a database from, or {@code null}
	 */
	private record Source(String prefix, @Nullable String url, Login login, @Nullable String noUrl) {

		void createIfMissing(@Nullable JdbcConnectionDetails details) {
			String jdbcUrl = this.url;
			Login credentials = this.login;
			if (jdbcUrl == null) {
				if (this.noUrl != null || details == null) {
					throw new MigrationsException(ErrorKind.CONFIG,
							this.prefix + "create-database=true needs the database's URL, and "
									+ ((this.noUrl != null) ? this.noUrl : "none is configured"),
							"Set " + this.prefix + "url (with " + this.prefix + "user and " + this.prefix
									+ "password), or create the database before the application starts");
				}
				jdbcUrl = details.getJdbcUrl();
				credentials = credentials.or(new Login(details.getUsername(), details.getPassword()));
			}
			DatabaseCreator.createIfMissing(jdbcUrl, credentials.user(), credentials.password())
				.ifPresent((name) -> logger.info("Created database " + name + " (" + this.prefix
						+ "create-database=true)"));
		}

	}

}
