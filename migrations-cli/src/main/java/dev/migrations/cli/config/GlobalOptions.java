package dev.migrations.cli.config;

import java.util.List;

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
 */
public record GlobalOptions(String url, String user, String password, List<String> locations, String schema,
		String versionTable, String historyTable, String lockTimeout, Boolean createSchemas, Boolean validateChecksums) {

	public GlobalOptions {
		locations = (locations != null) ? List.copyOf(locations) : List.of();
	}

}
