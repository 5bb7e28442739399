package dev.migrations.boot.autoconfigure;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.settings.MigrationInstances;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.core.env.Environment;

/**
 * The keys an instance takes, {@code migrations.instances.<name>.<key>}: those the starter reads itself and the
 * engine options the core's settings rule reads under the instance's prefix. Any other key would be silently ignored,
 * so it is refused at start-up, naming it: a key of the default set that is the whole application's ({@code mode},
 * {@code ui.*}, {@code tenants.*}, {@code instances.*}) with the key to set instead, a misspelt one with the keys
 * there are.
 */
final class InstanceKeys {

	/** What the starter reads of an instance: {@link MigrationsInstanceProperties} and {@code enabled}. */
	private static final List<String> STARTER = List.of("enabled", "data-source", "order", "on-startup", "target",
			"lint", "create-database");

	/**
	 * What the core's settings rule reads under an instance's prefix; {@code entity-packages} is for the Maven
	 * plugin's {@code revision} and {@code check}, which the starter leaves alone.
	 */
	private static final List<String> ENGINE = List.of("url", "user", "password", "locations", "schema",
			"create-schemas", "version-table", "history-table", "transaction-mode", "lock-wait", "lock-timeout",
			"statement-lock-timeout", "statement-timeout", "lock-retries", "reconnect", "validate-checksums",
			"entity-packages");

	/** The default set's keys that configure the whole application, not one set, and why. */
	private static final Map<String, String> APPLICATION_WIDE = Map.of("mode",
			"the run mode is the whole application's", "ui", "the operators' page is the whole application's",
			"tenants", "the tenants are the whole application's", "instances",
			"the migration sets are declared at the top level");

	/** Elements of {@code migrations.instances.<name>.<key>} before the key. */
	private static final int KEY_ELEMENT = 3;

	private InstanceKeys() {
	}

	/** Every key an instance takes, as the documentation lists them. */
	static List<String> taken() {
		return Stream.concat(STARTER.stream(), ENGINE.stream()).toList();
	}

	/**
	 * Checks every key the environment sets for instance {@code name}.
	 * @throws MigrationsException naming the first key the instance does not take, and what to do instead
	 */
	static void check(Environment environment, String name) {
		String prefix = MigrationInstances.prefix(name);
		MigrationsInstances.keys(environment)
			.filter((key) -> key.toString().startsWith(prefix) && key.getNumberOfElements() > KEY_ELEMENT)
			.filter((key) -> !isTaken(key))
			.findFirst()
			.ifPresent((key) -> {
				throw refusal(key, prefix);
			});
	}

	/**
	 * Whether an instance takes the key, in Spring's relaxed forms: {@code lock-wait}, {@code lockWait} and
	 * {@code MIGRATIONS_INSTANCES_<NAME>_LOCK_WAIT}; {@code locations[0]} is {@code locations}.
	 */
	private static boolean isTaken(ConfigurationPropertyName key) {
		String uniform = IntStream.range(KEY_ELEMENT, key.getNumberOfElements())
			.filter((index) -> !key.isNumericIndex(index))
			.mapToObj((index) -> key.getElement(index, Form.UNIFORM))
			.collect(Collectors.joining());
		return taken().stream().anyMatch((taken) -> uniform(taken).equals(uniform));
	}

	private static MigrationsException refusal(ConfigurationPropertyName key, String prefix) {
		String first = key.getElement(KEY_ELEMENT, Form.UNIFORM);
		String why = APPLICATION_WIDE.get(first);
		if (why != null) {
			String instead = "migrations." + key.toString().substring(prefix.length());
			return new MigrationsException(ErrorKind.CONFIG,
					key + " is not an instance's setting: " + why,
					"Set " + instead + " instead, and remove " + key);
		}
		return new MigrationsException(ErrorKind.CONFIG, "Unknown instance setting " + key,
				"An instance takes " + prefix + "<key> for the keys " + String.join(", ", taken()));
	}

	private static String uniform(String key) {
		return key.replace("-", "").toLowerCase(Locale.ROOT);
	}

}
