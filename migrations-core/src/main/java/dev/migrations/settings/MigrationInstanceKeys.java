package dev.migrations.settings;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;

/**
 * The one rule for the keys an instance takes, {@code migrations.instances.<name>.<key>}, for every front end that
 * reads them: the starter refuses any other key at start-up, the command line and the Maven plugin when they work on
 * the instance. A key of the default set that is the whole application's ({@code mode}, {@code ui.*},
 * {@code tenants.*}, {@code instances.*}) is refused with the key to set instead, a misspelt one with the keys there
 * are; a key an instance would silently ignore is never taken.
 */
public final class MigrationInstanceKeys {

	/** What the starter reads of an instance besides the engine options: whether, when and how it runs. */
	private static final List<String> STARTER = List.of("enabled", "data-source", "order", "on-startup", "target",
			"lint", "create-database");

	/** What {@link SettingsResolver} reads under an instance's prefix. */
	private static final List<String> ENGINE = List.of("url", "user", "password", "locations", "schema",
			"create-schemas", "version-table", "history-table", "transaction-mode", "lock-wait", "lock-timeout",
			"statement-lock-timeout", "statement-timeout", "lock-retries", "reconnect", "validate-checksums",
			"entity-packages");

	/** The default set's keys that configure the whole application, not one set, and why. */
	private static final Map<String, String> APPLICATION_WIDE = Map.of("mode",
			"the run mode is the whole application's", "ui", "the operators' page is the whole application's",
			"tenants", "the tenants are the whole application's", "instances",
			"the migration sets are declared at the top level");

	private MigrationInstanceKeys() {
	}

	/** Every key an instance takes, as the documentation lists them. */
	public static List<String> taken() {
		return Stream.concat(STARTER.stream(), ENGINE.stream()).toList();
	}

	/**
	 * Whether an instance takes {@code key}, the part of its key after {@code migrations.instances.<name>.} as the
	 * documentation writes it ({@code lock-wait}); a list's items ({@code locations[0]}) are the list's key.
	 */
	public static boolean takes(String key) {
		return taken().contains(key.replaceAll("\\[\\d+]", ""));
	}

	/**
	 * Checks the keys of instance {@code name} among a configuration's {@code keys}; the others are not its business.
	 * @throws MigrationsException naming the first key the instance does not take, and what to do instead
	 */
	public static void check(String name, Collection<String> keys) {
		String prefix = MigrationInstances.prefix(name);
		keys.stream()
			.filter((key) -> key.startsWith(prefix) && key.length() > prefix.length())
			.filter((key) -> !takes(key.substring(prefix.length())))
			.findFirst()
			.ifPresent((key) -> {
				throw refusal(name, key);
			});
	}

	/**
	 * The failure for {@code key}, a key of instance {@code name} that it does not take: an application-wide key's
	 * names the default set's key to set instead, any other lists the keys an instance takes.
	 */
	public static MigrationsException refusal(String name, String key) {
		String prefix = MigrationInstances.prefix(name);
		String rest = key.substring(prefix.length());
		String why = APPLICATION_WIDE.get(rest.split("[.\\[]", 2)[0]);
		if (why != null) {
			return new MigrationsException(ErrorKind.CONFIG, key + " is not an instance's setting: " + why,
					"Set migrations." + rest + " instead, and remove " + key);
		}
		return new MigrationsException(ErrorKind.CONFIG, "Unknown instance setting " + key,
				"An instance takes " + prefix + "<key> for the keys " + String.join(", ", taken()));
	}

}
