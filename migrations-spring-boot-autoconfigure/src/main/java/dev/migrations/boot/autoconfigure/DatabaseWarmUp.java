package dev.migrations.boot.autoconfigure;

import java.util.List;
import java.util.Optional;

import dev.migrations.DriverManagerDataSource;
import dev.migrations.Migrations;
import dev.migrations.config.MigrationsConfig;
import dev.migrations.execute.LoadedScripts;
import dev.migrations.report.CheckReport;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;

/**
 * Reads the state of the database the properties name once, on the preloader's thread, while Spring creates the
 * context ({@code migrations.connect-ahead=true}): a cold JDBC driver and the engine's first reading of the version
 * rows are most of the start-up thread's check, and cost a fraction of that once they have run. Reading twice
 * costs CPU, which only a machine with cores to spare absorbs. Read-only (the engine's {@code check} creates nothing
 * and takes no lock) on a connection of its own, closed at once; a failure is logged at debug level and otherwise
 * ignored, since the start-up check meets and reports it on the application's own connection. Only for a server
 * database whose URL is in the properties ({@code migrations.url}, else {@code spring.datasource.url}): an embedded
 * database is the application's to create.
 */
final class DatabaseWarmUp {

	private static final Log logger = LogFactory.getLog(DatabaseWarmUp.class);

	/** The URL prefixes of the server databases the engine supports. */
	private static final List<String> SERVER_DATABASES = List.of("jdbc:postgresql:", "jdbc:mariadb:", "jdbc:mysql:");

	private final MigrationsConfig config;

	private final DriverManagerDataSource database;

	private final String target;

	private DatabaseWarmUp(MigrationsConfig config, DriverManagerDataSource database, String target) {
		this.config = config;
		this.database = database;
		this.target = target;
	}

	/**
	 * The warm-up for the database the start-up will use, as far as the properties tell: {@code migrations.url} with
	 * {@code migrations.user} and {@code password}, else {@code spring.datasource.*} with {@code migrations.user}
	 * and {@code password} instead where set. {@code null} unless {@code migrations.connect-ahead=true}, when the
	 * start-up leaves the database alone, or when no server database is named.
	 */
	static @Nullable DatabaseWarmUp of(MigrationsProperties properties, Binder binder, ClassLoader classLoader) {
		if (!properties.isConnectAhead() || properties.getOnStartup() == MigrationsProperties.OnStartup.NONE) {
			return null;
		}
		boolean ownDatabase = properties.getUrl() != null;
		String url = ownDatabase ? properties.getUrl() : property(binder, "spring.datasource.url");
		if (url == null || SERVER_DATABASES.stream().noneMatch(url::startsWith)) {
			return null;
		}
		// As the auto-configuration picks credentials: migrations.password counts with migrations.user or url only.
		boolean ownUser = ownDatabase || properties.getUser() != null;
		String user = ownUser ? properties.getUser() : property(binder, "spring.datasource.username");
		String password = (ownDatabase || (ownUser && properties.getPassword() != null)) ? properties.getPassword()
				: property(binder, "spring.datasource.password");
		return new DatabaseWarmUp(properties.configBuilder().classLoader(classLoader).build(),
				new DriverManagerDataSource(url, user, password), properties.getTarget());
	}

	private static @Nullable String property(Binder binder, String name) {
		return binder.bind(name, String.class).orElse(null);
	}

	/** The database it reads. */
	DriverManagerDataSource database() {
		return this.database;
	}

	/**
	 * Checks the database against the target with the scripts, as the start-up will, here without effect.
	 * @return what it read, or empty if it could not
	 */
	Optional<CheckReport> run(LoadedScripts scripts) {
		long started = System.nanoTime();
		try {
			CheckReport report = new Migrations(this.config, this.database, () -> scripts).check(this.target);
			if (logger.isDebugEnabled()) {
				logger.debug("Read the database's state ahead of the start-up in " + (System.nanoTime() - started)
						/ 1_000_000 + " ms: " + (report.ok() ? "at the target" : String.join("; ", report.problems())));
			}
			return Optional.of(report);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not read the database's state ahead of the start-up, which will: " + ex.getMessage());
			return Optional.empty();
		}
	}

}
