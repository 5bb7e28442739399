package dev.migrations.boot.autoconfigure;

import javax.sql.DataSource;

import dev.migrations.dialect.DatabaseCreator;
import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * {@code migrations.create-database=true}: before the start-up strategy runs, creates the database migrations connect
 * to when it is missing, from the URL and credentials they connect with ({@code migrations.url}, else the
 * application's connection details, {@code migrations.user} and {@code password} overriding as they do for the
 * connection). The application's pool has not connected yet: nothing before the initializer uses the database.
 */
final class DatabaseCreation {

	private static final Log logger = LogFactory.getLog(DatabaseCreation.class);

	private DatabaseCreation() {
	}

	/** The strategy, run after creating the database if {@code migrations.create-database} asks for it. */
	static MigrationsStartupStrategy before(MigrationsStartupStrategy strategy, MigrationsProperties properties,
			@Nullable DataSource qualified, @Nullable JdbcConnectionDetails details) {
		if (!properties.isCreateDatabase()) {
			return strategy;
		}
		return (migrations) -> {
			createIfMissing(properties, qualified, details);
			strategy.migrate(migrations);
		};
	}

	private static void createIfMissing(MigrationsProperties properties, @Nullable DataSource qualified,
			@Nullable JdbcConnectionDetails details) {
		String url = properties.getUrl();
		String user = properties.getUser();
		String password = properties.getPassword();
		if (url == null) {
			if (qualified != null || details == null) {
				throw new MigrationsException(ErrorKind.CONFIG,
						"migrations.create-database=true needs the database's URL, and "
								+ ((qualified != null) ? "a @MigrationsDataSource bean gives none" : "none is configured"),
						"Set migrations.url (with migrations.user and migrations.password), or create the database"
								+ " before the application starts");
			}
			url = details.getJdbcUrl();
			user = (user != null) ? user : details.getUsername();
			password = (password != null) ? password : details.getPassword();
		}
		DatabaseCreator.createIfMissing(url, user, password)
			.ifPresent((name) -> logger.info("Created database " + name + " (migrations.create-database=true)"));
	}

}
