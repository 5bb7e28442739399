package dev.migrations.settings;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.migrations.config.RunSafety;
import dev.migrations.error.MigrationsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The settings rule as tables: each row gives the flags, the environment and the application's configuration
 * ({@code null}: no application), and what they resolve to.
 */
class SettingsResolverTest {

	private static final Map<String, String> NONE = Map.of();

	/** An application's configuration; every key is named as if read from application.properties. */
	private static PropertyLookup app(String... keysAndValues) {
		Map<String, String> values = map(keysAndValues);
		return new PropertyLookup() {

			@Override
			public String get(String key) {
				return values.get(key);
			}

			@Override
			public String origin(String key) {
				return key + " in application.properties";
			}

		};
	}

	private static Map<String, String> map(String... keysAndValues) {
		Map<String, String> map = new HashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	static Stream<Arguments> databases() {
		return Stream.of(
				arguments("nothing configured", NONE, NONE, null, "none"),
				arguments("an application without a datasource", NONE, NONE, app("server.port", "8080"), "none"),
				arguments("--url with --user, MIGRATIONS_PASSWORD and the URL's own user",
						map("url", "postgresql://cli@h1/db", "user", "admin"),
						map("MIGRATIONS_URL", "jdbc:postgresql://h2/db", "MIGRATIONS_PASSWORD", "from-env"), null,
						"h1:5432 from --url as admin/from-env"),
				arguments("a blank --url is no URL", map("url", " "), map("DATABASE_URL", "jdbc:h2:mem:x"), null,
						"jdbc:h2:mem:x from DATABASE_URL as null/null"),
				arguments("MIGRATIONS_URL before DATABASE_URL", NONE,
						map("MIGRATIONS_URL", "jdbc:postgresql://first/db", "DATABASE_URL", "postgresql://u:p@second/db"),
						null, "first:5432 from MIGRATIONS_URL as null/null"),
				arguments("DATABASE_URL with its own credentials", NONE, map("DATABASE_URL", "postgresql://u:p@second/db"),
						null, "second:5432 from DATABASE_URL as u/p"),
				arguments("MIGRATIONS_USER over the URL's user", NONE,
						map("DATABASE_URL", "postgresql://u:p@second/db", "MIGRATIONS_USER", "ddl"), null,
						"second:5432 from DATABASE_URL as ddl/p"),
				arguments("an environment URL takes no credentials of the application", NONE,
						map("DATABASE_URL", "postgresql://other-db/app"),
						app("spring.datasource.url", "jdbc:postgresql://app-db/app", "spring.datasource.username", "app",
								"migrations.user", "ddl"),
						"other-db:5432 from DATABASE_URL as null/null"),
				arguments("the application's datasource", NONE, NONE,
						app("spring.datasource.url", "jdbc:postgresql://app-db/app", "spring.datasource.username", "app",
								"spring.datasource.password", "secret"),
						"app-db:5432 from spring.datasource.url in application.properties as app/secret"),
				arguments("migrations.user logs in to the application's database", NONE, NONE,
						app("spring.datasource.url", "jdbc:postgresql://app-db/app", "spring.datasource.username", "app",
								"spring.datasource.password", "app-secret", "migrations.user", "ddl"),
						"app-db:5432 from spring.datasource.url in application.properties as ddl/app-secret"),
				arguments("migrations.url beats the application's datasource and takes only its own login", NONE, NONE,
						app("spring.datasource.url", "jdbc:postgresql://app-db/app", "spring.datasource.username", "app",
								"spring.datasource.password", "app-secret", "migrations.url",
								"jdbc:postgresql://ddl-db/app"),
						"ddl-db:5432 from migrations.url in application.properties as null/null"),
				arguments("migrations.url with migrations.user", NONE, NONE,
						app("migrations.url", "jdbc:postgresql://ddl-db/app", "migrations.user", "ddl"),
						"ddl-db:5432 from migrations.url in application.properties as ddl/null"),
				arguments("SPRING_DATASOURCE_URL overrides the application's file", NONE,
						map("SPRING_DATASOURCE_URL", "jdbc:postgresql://env-db/app", "SPRING_DATASOURCE_PASSWORD", "pw"),
						app("spring.datasource.url", "jdbc:postgresql://app-db/app", "spring.datasource.username", "app"),
						"env-db:5432 from SPRING_DATASOURCE_URL as app/pw"),
				arguments("SPRING_DATASOURCE_URL outside an application", NONE,
						map("SPRING_DATASOURCE_URL", "jdbc:postgresql://env-db/app"), null, "none"),
				arguments("an unsupported URL names where it was given", NONE, map("DATABASE_URL", "mysql://u:p@host/db"),
						null, "unusable from DATABASE_URL: Unsupported database URL scheme 'mysql' in DATABASE_URL"),
				arguments("a malformed --url", map("url", "postgresql://u:p@ss@host/db"), NONE, null,
						"unusable from --url: Malformed database URL in --url: special characters in the user name or "
								+ "password must be percent-encoded"),
				arguments("an unsupported application URL names its key and file", NONE, NONE,
						app("spring.datasource.url", "sqlite:app.db"),
						"unusable from spring.datasource.url in application.properties: Unsupported database URL "
								+ "scheme 'sqlite' in spring.datasource.url in application.properties"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void database(String name, Map<String, String> flags, Map<String, String> environment, PropertyLookup application,
			String expected) {
		MigrationsSettings settings = SettingsResolver.resolve(new SettingsSources(flags, environment, application));
		assertThat(describeDatabase(settings)).isEqualTo(expected);
	}

	private static String describeDatabase(MigrationsSettings settings) {
		if (settings.unusableDatabase() != null) {
			return "unusable from " + settings.databaseSource() + ": " + settings.unusableDatabase().getMessage();
		}
		if (!settings.hasDatabase()) {
			return "none";
		}
		DatabaseUrl database = settings.database();
		String where = database.isServer() ? database.hostAndPort() : database.jdbcUrl();
		return where + " from " + settings.databaseSource() + " as " + settings.user() + "/" + settings.password();
	}

	static Stream<Arguments> options() {
		return Stream.of(
				arguments("the engine's defaults", NONE, NONE, null,
						"[classpath:db/migrations] DEFAULT, schema null, create false, migrations_version, "
								+ "migrations_history, PER_REVISION, PT1M, checksums true"),
				arguments("flags", map("locations", "filesystem:sql,filesystem:more", "schema", "audit",
						"version-table", "versions", "history-table", "log", "lock-timeout", "5",
						"create-schemas", "true", "validate-checksums", "false"), NONE, null,
						"[filesystem:sql, filesystem:more] FLAG, schema audit, create true, versions, log, "
								+ "PER_REVISION, PT5S, checksums false"),
				arguments("the application's configuration, a bare duration in milliseconds", NONE, NONE,
						app("migrations.locations", "classpath:db/migrations, filesystem:/opt/extra",
								"migrations.schema", "audit", "migrations.version-table", "app_version",
								"migrations.history-table", "app_history", "migrations.transaction-mode", "single",
								"migrations.lock-timeout", "1500", "migrations.validate-checksums", "off",
								"migrations.create-schemas", "yes"),
						"[classpath:db/migrations, filesystem:/opt/extra] APPLICATION, schema audit, create true, "
								+ "app_version, app_history, SINGLE, PT1.5S, checksums false"),
				arguments("indexed locations, as YAML lists give them", NONE, NONE,
						app("migrations.locations[0]", "classpath:a", "migrations.locations[1]", "filesystem:b"),
						"[classpath:a, filesystem:b] APPLICATION, schema null, create false, migrations_version, "
								+ "migrations_history, PER_REVISION, PT1M, checksums true"),
				arguments("environment variables as Spring names them, with or without an application", NONE,
						map("MIGRATIONS_SCHEMA", "env_schema", "MIGRATIONS_VERSIONTABLE", "env_version",
								"MIGRATIONS_LOCKTIMEOUT", "2m", "MIGRATIONS_LOCATIONS_0", "filesystem:env"),
						null,
						"[filesystem:env] ENVIRONMENT, schema env_schema, create false, env_version, "
								+ "migrations_history, PER_REVISION, PT2M, checksums true"),
				arguments("flags over the environment over the application", map("schema", "flag_schema"),
						map("MIGRATIONS_SCHEMA", "env_schema", "MIGRATIONS_HISTORYTABLE", "env_history"),
						app("migrations.schema", "app_schema", "migrations.history-table", "app_history",
								"migrations.version-table", "app_version"),
						"[classpath:db/migrations] DEFAULT, schema flag_schema, create false, app_version, "
								+ "env_history, PER_REVISION, PT1M, checksums true"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("options")
	void options(String name, Map<String, String> flags, Map<String, String> environment, PropertyLookup application,
			String expected) {
		MigrationsSettings settings = SettingsResolver.resolve(new SettingsSources(flags, environment, application));
		assertThat(settings.locations() + " " + settings.locationsFrom() + ", schema " + settings.schema() + ", create "
				+ settings.createSchemas() + ", " + settings.versionTable() + ", " + settings.historyTable() + ", "
				+ settings.transactionMode() + ", " + settings.lockTimeout() + ", checksums "
				+ settings.validateChecksums())
			.isEqualTo(expected);
	}

	static Stream<Arguments> safety() {
		return Stream.of(arguments("the engine's defaults", NONE, NONE, null, RunSafety.DEFAULTS),
				arguments("the application's configuration, a bare duration in milliseconds", NONE, NONE,
						app("migrations.statement-lock-timeout", "1500", "migrations.statement-timeout", "2m",
								"migrations.lock-retries", "4", "migrations.reconnect", "false"),
						new RunSafety(Duration.ofMillis(1500), Duration.ofMinutes(2), 4, false)),
				arguments("flags, a bare duration in seconds",
						map("statement-lock-timeout", "2", "statement-timeout", "0", "lock-retries", "10",
								"reconnect", "true"),
						NONE, app("migrations.lock-retries", "4", "migrations.reconnect", "false"),
						new RunSafety(Duration.ofSeconds(2), Duration.ZERO, 10, true)),
				arguments("environment variables as Spring names them", NONE,
						map("MIGRATIONS_STATEMENTLOCKTIMEOUT", "5s", "MIGRATIONS_LOCKRETRIES", "3"), null,
						new RunSafety(Duration.ofSeconds(5), null, 3, true)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("safety")
	void safety(String name, Map<String, String> flags, Map<String, String> environment, PropertyLookup application,
			RunSafety expected) {
		assertThat(SettingsResolver.resolve(new SettingsSources(flags, environment, application)).safety())
			.isEqualTo(expected);
	}

	@Test
	void theLockWaitIsLockWaitThenItsDeprecatedNameLockTimeout() {
		assertThat(SettingsResolver
			.resolve(new SettingsSources(NONE, NONE, app("migrations.lock-timeout", "1500")))
			.lockTimeout()).isEqualTo(Duration.ofMillis(1500));
		assertThat(SettingsResolver
			.resolve(new SettingsSources(NONE, NONE,
					app("migrations.lock-timeout", "1500", "migrations.lock-wait", "2500")))
			.lockTimeout()).isEqualTo(Duration.ofMillis(2500));
		assertThat(SettingsResolver
			.resolve(new SettingsSources(map("lock-wait", "7"), map("MIGRATIONS_LOCKTIMEOUT", "1m"), null))
			.lockTimeout()).isEqualTo(Duration.ofSeconds(7));
	}

	static Stream<Arguments> badValues() {
		return Stream.of(
				arguments(map("lock-timeout", "soon"), NONE, null, "Invalid duration 'soon' for --lock-timeout",
						"Write it as 500ms, 60s, 2m, 1h or PT1M"),
				arguments(NONE, map("MIGRATIONS_LOCKTIMEOUT", "1 minute"), null,
						"Invalid duration '1 minute' for MIGRATIONS_LOCKTIMEOUT", "Write it as 500ms, 60s, 2m, 1h or PT1M"),
				arguments(NONE, NONE, app("migrations.transaction-mode", "sometimes"),
						"Invalid transaction mode 'sometimes' for migrations.transaction-mode in application.properties",
						"Use per-revision or single"),
				arguments(NONE, NONE, app("migrations.validate-checksums", "maybe"),
						"Invalid boolean 'maybe' for migrations.validate-checksums in application.properties",
						"Write true or false"),
				arguments(map("lock-retries", "-1"), NONE, null, "Invalid count '-1' for --lock-retries",
						"Give how many times a revision that timed out on a lock is tried again: 0 or more, such as 10"),
				arguments(map("statement-lock-timeout", "soon"), NONE, null,
						"Invalid duration 'soon' for --statement-lock-timeout", "Write it as 500ms, 60s, 2m, 1h or PT1M"),
				arguments(NONE, NONE, app("migrations.reconnect", "maybe"),
						"Invalid boolean 'maybe' for migrations.reconnect in application.properties",
						"Write true or false"));
	}

	@ParameterizedTest(name = "{3}")
	@MethodSource("badValues")
	void badValueNamesItsValueAndWhereItWasGiven(Map<String, String> flags, Map<String, String> environment,
			PropertyLookup application, String message, String hint) {
		assertThatExceptionOfType(MigrationsException.class)
			.isThrownBy(() -> SettingsResolver.resolve(new SettingsSources(flags, environment, application)))
			.withMessage(message)
			.satisfies((ex) -> assertThat(ex.hint()).isEqualTo(hint));
	}

	static Stream<Arguments> durations() {
		return Stream.of(arguments("500ms", ChronoUnit.SECONDS, Duration.ofMillis(500)),
				arguments("2m", ChronoUnit.SECONDS, Duration.ofMinutes(2)),
				arguments("1h", ChronoUnit.MILLIS, Duration.ofHours(1)),
				arguments("3d", ChronoUnit.MILLIS, Duration.ofDays(3)),
				arguments("PT1H", ChronoUnit.SECONDS, Duration.ofHours(1)),
				arguments("30", ChronoUnit.SECONDS, Duration.ofSeconds(30)),
				arguments("30", ChronoUnit.MILLIS, Duration.ofMillis(30)));
	}

	@ParameterizedTest(name = "{0} ({1} without a unit)")
	@MethodSource("durations")
	void durationsReadAsSpringWritesThem(String text, ChronoUnit unit, Duration expected) {
		assertThat(SettingsResolver.duration(text, unit, "x")).isEqualTo(expected);
	}

	@Test
	void withNoDatabaseTheErrorSaysHowToGiveOne() {
		MigrationsSettings settings = SettingsResolver.resolve(new SettingsSources(NONE, NONE, null));
		assertThatExceptionOfType(MigrationsException.class).isThrownBy(settings::requireDatabase)
			.withMessage("No database configured")
			.satisfies((ex) -> assertThat(ex.hint()).contains("--url").contains("MIGRATIONS_URL").contains("DATABASE_URL"));
		assertThat(settings.configBuilder().build().offlineDialect()).isNull();
	}

	@Test
	void configuredDatabaseGivesTheDialectOfOfflineSql() {
		MigrationsSettings settings = SettingsResolver
			.resolve(new SettingsSources(map("url", "jdbc:h2:mem:x"), NONE, null));
		assertThat(settings.configBuilder().build().offlineDialect()).isEqualTo("h2");
	}

	/** The starter's view: Spring has layered the configuration already, and picks a DataSource by the choice. */
	@Test
	void applicationsChoiceIsItsOwnDatabaseOrTheApplicationsWithMigrationsLogin() {
		DatabaseChoice dedicated = SettingsResolver.database(SettingsSources.application(
				app("migrations.url", "jdbc:h2:mem:ddl", "migrations.user", "ddl", "spring.datasource.username", "app")));
		assertThat(dedicated).isEqualTo(new DatabaseChoice.Dedicated("jdbc:h2:mem:ddl",
				"migrations.url in application.properties", new Login("ddl", null)));
		DatabaseChoice application = SettingsResolver.database(SettingsSources
			.application(app("migrations.password", "pw", "spring.datasource.username", "app")));
		assertThat(application).isEqualTo(
				new DatabaseChoice.Application(null, null, new Login(null, "pw"), new Login("app", null)));
		assertThat(application.login()).isEqualTo(new Login("app", "pw"));
	}


	static Stream<Arguments> instances() {
		PropertyLookup twoSets = app("spring.datasource.url", "jdbc:postgresql://app-db/app",
				"spring.datasource.username", "app", "migrations.url", "jdbc:postgresql://default-ddl/app",
				"migrations.version-table", "default_version", "migrations.lock-wait", "5m",
				"migrations.instances.orders.url", "jdbc:postgresql://orders-db/orders",
				"migrations.instances.orders.user", "orders_ddl", "migrations.instances.orders.locations[0]",
				"classpath:db/orders", "migrations.instances.orders.locations[1]", "classpath:db/orders-extra",
				"migrations.instances.orders.version-table", "orders_version",
				"migrations.instances.orders.history-table", "orders_history",
				"migrations.instances.orders.transaction-mode", "single", "migrations.instances.audit.schema", "audit",
				"migrations.instances.audit.user", "auditor", "migrations.instances.audit.lock-wait", "1500");
		return Stream.of(
				arguments("an instance's own url, login, locations and tables; nothing of migrations.*", "orders",
						NONE, NONE, twoSets,
						"orders-db:5432 from migrations.instances.orders.url in application.properties as orders_ddl/null, "
								+ "[classpath:db/orders, classpath:db/orders-extra] APPLICATION, schema null, "
								+ "orders_version, orders_history, SINGLE, PT1M"),
				arguments("an instance without url is on the application's database, as its own user", "audit", NONE,
						NONE, twoSets,
						"app-db:5432 from spring.datasource.url in application.properties as auditor/null, "
								+ "[classpath:db/migrations] DEFAULT, schema audit, migrations_version, "
								+ "migrations_history, PER_REVISION, PT1.5S"),
				arguments("the default set is untouched by the instances", null, NONE, NONE, twoSets,
						"default-ddl:5432 from migrations.url in application.properties as null/null, "
								+ "[classpath:db/migrations] DEFAULT, schema null, default_version, "
								+ "migrations_history, PER_REVISION, PT5M"),
				arguments("DATABASE_URL names the default set's database, not an instance's", "orders", NONE,
						map("DATABASE_URL", "jdbc:postgresql://env-db/app"), twoSets,
						"orders-db:5432 from migrations.instances.orders.url in application.properties as orders_ddl/null, "
								+ "[classpath:db/orders, classpath:db/orders-extra] APPLICATION, schema null, "
								+ "orders_version, orders_history, SINGLE, PT1M"),
				arguments("an instance's environment variables as Spring names them", "orders", NONE,
						map("MIGRATIONS_INSTANCES_ORDERS_URL", "jdbc:postgresql://env-orders/orders",
								"MIGRATIONS_INSTANCES_ORDERS_VERSIONTABLE", "env_version"),
						twoSets,
						"env-orders:5432 from MIGRATIONS_INSTANCES_ORDERS_URL as orders_ddl/null, "
								+ "[classpath:db/orders, classpath:db/orders-extra] APPLICATION, schema null, "
								+ "env_version, orders_history, SINGLE, PT1M"),
				arguments("flags over an instance's configuration", "orders",
						map("url", "jdbc:postgresql://flag-db/orders", "version-table", "flag_version"), NONE, twoSets,
						"flag-db:5432 from --url as null/null, [classpath:db/orders, classpath:db/orders-extra] "
								+ "APPLICATION, schema null, flag_version, orders_history, SINGLE, PT1M"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("instances")
	void instanceSettingsAreTheSameRuleUnderTheInstancesPrefix(String name, String instance,
			Map<String, String> flags, Map<String, String> environment, PropertyLookup application, String expected) {
		MigrationsSettings settings = SettingsResolver.resolve(new SettingsSources(flags, environment, application),
				instance);
		assertThat(describeDatabase(settings) + ", " + settings.locations() + " " + settings.locationsFrom()
				+ ", schema " + settings.schema() + ", " + settings.versionTable() + ", " + settings.historyTable()
				+ ", " + settings.transactionMode() + ", " + settings.lockTimeout())
			.isEqualTo(expected);
	}

	@Test
	void aBadInstanceValueNamesTheInstancesKey() {
		SettingsSources sources = SettingsSources
			.application(app("migrations.instances.orders.reconnect", "sometimes"));
		assertThatExceptionOfType(MigrationsException.class)
			.isThrownBy(() -> SettingsResolver.resolve(sources, "orders"))
			.withMessage("Invalid boolean 'sometimes' for migrations.instances.orders.reconnect in application.properties");
	}

	@Test
	void entityPackagesAreEachSetsOwnTheFlagWinning() {
		PropertyLookup twoSets = app("migrations.entity-packages", "com.acme.shop, com.acme.shared",
				"migrations.instances.reporting.entity-packages[0]", "com.acme.reporting",
				"migrations.instances.reporting.entity-packages[1]", "com.acme.shared");
		assertThat(SettingsResolver.resolve(SettingsSources.application(twoSets)).entityPackages())
			.containsExactly("com.acme.shop", "com.acme.shared");
		assertThat(SettingsResolver.resolve(SettingsSources.application(twoSets), "reporting").entityPackages())
			.containsExactly("com.acme.reporting", "com.acme.shared");
		assertThat(SettingsResolver.resolve(SettingsSources.application(app("migrations.entity-packages", "com.acme")),
				"reporting").entityPackages()).isEmpty();
		assertThat(SettingsResolver
			.resolve(new SettingsSources(map("entity-packages", "com.acme.audit"), NONE, twoSets), "reporting")
			.entityPackages()).containsExactly("com.acme.audit");
		assertThat(SettingsResolver
			.resolve(new SettingsSources(NONE, map("MIGRATIONS_INSTANCES_REPORTING_ENTITYPACKAGES", "com.acme.bi"),
					twoSets), "reporting")
			.entityPackages()).containsExactly("com.acme.bi");
		assertThat(SettingsResolver.resolve(SettingsSources.application(app())).entityPackages()).isEmpty();
	}

	@Test
	void instanceNamesAreReadFromTheKeys() {
		assertThat(MigrationInstances.names(List.of("migrations.url", "migrations.instances.orders.url",
				"migrations.instances.audit.locations[0]", "migrations.instances.orders.order",
				"migrations.instances.", "spring.datasource.url")))
			.containsExactly("audit", "orders");
	}

	@Test
	void anUnknownInstanceIsOneLineNamingTheKnownOnes() {
		assertThatExceptionOfType(MigrationsException.class)
			.isThrownBy(() -> MigrationInstances.require("order", List.of("audit", "orders")))
			.withMessage("Unknown instance 'order' (known instances: audit, orders)");
		assertThatExceptionOfType(MigrationsException.class)
			.isThrownBy(() -> MigrationInstances.require("orders", List.of()))
			.withMessage("Unknown instance 'orders' (none is configured)");
	}

}
