package dev.migrations.cli.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings given on the command line, each {@code null} (or empty) when not given.
 *
 * @param url {@code --url}
 * @param user {@code --user}
 * @param password {@code --password}
 * @param locations {@code --locations}
 * @param schema {@code --schema}
 * @param versionTable {@code --version-table}
 * @param historyTable {@code --history-table}
 * @param lockTimeout {@code --lock-wait} (or its deprecated name {@code --lock-timeout}), e.g. {@code 60s},
 * {@code 2m} or a number of seconds
 * @param createSchemas {@code true} for {@code --create-schemas}
 * @param validateChecksums {@code false} for {@code --no-validate-checksums}
 * @param statementLockTimeout {@code --statement-lock-timeout}
 * @param statementTimeout {@code --statement-timeout}
 * @param lockRetries {@code --lock-retries}
 * @param reconnect {@code --reconnect} or {@code --no-reconnect}
 * @param profiles {@code --profile}: the Spring profiles whose configuration the project's files give
 * @param instance {@code --instance}: the migration set {@code migrations.instances.<name>.*} of the project's
 * configuration to work on; {@code null} for the default set ({@code migrations.*})
 */
public record GlobalOptions(String url, String user, String password, List<String> locations, String schema,
		String versionTable, String historyTable, String lockTimeout, Boolean createSchemas, Boolean validateChecksums,
		String statementLockTimeout, String statementTimeout, String lockRetries, Boolean reconnect,
		List<String> profiles, String instance) {

	public GlobalOptions {
		locations = (locations != null) ? List.copyOf(locations) : List.of();
		profiles = (profiles != null) ? List.copyOf(profiles) : List.of();
	}

	/** The settings among these options, by the names of their {@code migrations.*} properties. */
	public Map<String, String> flags() {
		Map<String, String> flags = new HashMap<>();
		put(flags, "url", this.url);
		put(flags, "user", this.user);
		put(flags, "password", this.password);
		put(flags, "locations", this.locations.isEmpty() ? null : String.join(",", this.locations));
		put(flags, "schema", this.schema);
		put(flags, "version-table", this.versionTable);
		put(flags, "history-table", this.historyTable);
		put(flags, "lock-wait", this.lockTimeout);
		put(flags, "statement-lock-timeout", this.statementLockTimeout);
		put(flags, "statement-timeout", this.statementTimeout);
		put(flags, "lock-retries", this.lockRetries);
		put(flags, "reconnect", this.reconnect);
		put(flags, "create-schemas", this.createSchemas);
		put(flags, "validate-checksums", this.validateChecksums);
		return flags;
	}

	private static void put(Map<String, String> flags, String name, Object value) {
		if (value != null) {
			flags.put(name, value.toString());
		}
	}

}
