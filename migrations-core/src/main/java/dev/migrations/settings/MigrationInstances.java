package dev.migrations.settings;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;

/**
 * The named migration sets of an application, {@code migrations.instances.<name>.*}, besides the default one that
 * {@code migrations.*} configures: each has its own database and options, read by the same
 * {@link SettingsResolver rule} under its own prefix.
 */
public final class MigrationInstances {

	/** The prefix of every instance's keys. */
	public static final String PREFIX = "migrations.instances.";

	/** A name as a key segment holds it: letters, digits, {@code -} and {@code _}. */
	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

	private MigrationInstances() {
	}

	/** The prefix of the keys of instance {@code name}: {@code migrations.instances.<name>.}. */
	public static String prefix(String name) {
		return PREFIX + name + ".";
	}

	/** The instance names among configuration keys ({@code migrations.instances.<name>.<key>}), sorted. */
	public static List<String> names(Collection<String> keys) {
		TreeSet<String> names = new TreeSet<>();
		for (String key : keys) {
			if (key.startsWith(PREFIX)) {
				String rest = key.substring(PREFIX.length());
				int end = rest.indexOf('.');
				if (end > 0 && NAME.matcher(rest.substring(0, end)).matches()) {
					names.add(rest.substring(0, end));
				}
			}
		}
		return List.copyOf(names);
	}

	/**
	 * Checks that {@code name} is one of the {@code known} instances.
	 * @throws MigrationsException naming the known instances when it is not
	 */
	public static String require(String name, Collection<String> known) {
		Objects.requireNonNull(name, "name");
		if (known.contains(name)) {
			return name;
		}
		String listed = known.isEmpty() ? "none is configured" : "known instances: " + String.join(", ", known);
		throw new MigrationsException(ErrorKind.CONFIG, "Unknown instance '" + name + "' (" + listed + ")",
				"Name one of migrations.instances.<name> in application.properties or application.yml");
	}

}
