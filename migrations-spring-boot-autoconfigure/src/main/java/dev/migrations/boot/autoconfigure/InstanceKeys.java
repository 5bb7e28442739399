package dev.migrations.boot.autoconfigure;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.migrations.error.MigrationsException;
import dev.migrations.settings.MigrationInstanceKeys;
import dev.migrations.settings.MigrationInstances;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.core.env.Environment;

/**
 * The core's rule for the keys an instance takes ({@link MigrationInstanceKeys}) over Spring's environment, in the
 * relaxed forms Spring binds: any key of {@code migrations.instances.<name>.} the instance does not take would be
 * silently ignored, so it is refused at start-up, naming it.
 */
final class InstanceKeys {

	/** Elements of {@code migrations.instances.<name>.<key>} before the key. */
	private static final int KEY_ELEMENT = 3;

	private InstanceKeys() {
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
				throw MigrationInstanceKeys.refusal(name, key.toString());
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
		return MigrationInstanceKeys.taken().stream().anyMatch((taken) -> uniform(taken).equals(uniform));
	}

	private static String uniform(String key) {
		return key.replace("-", "").toLowerCase(Locale.ROOT);
	}

}
