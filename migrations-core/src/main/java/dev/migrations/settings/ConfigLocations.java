package dev.migrations.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the application's configuration files are, and in which order they override each other, as Spring Boot reads
 * them: the locations of {@code spring.config.location} (default: the class path's root and {@code config/}, then the
 * working directory, its {@code config/} and each {@code config/*}{@code /}), then those of
 * {@code spring.config.additional-location}. Each comma-separated entry is a group of {@code ;}-separated locations:
 * later groups override earlier ones, and within a group the profile-specific files of all its locations override
 * its plain files. The two settings are read from the environment ({@code SPRING_CONFIG_LOCATION},
 * {@code SPRING_CONFIG_ADDITIONAL_LOCATION}), as Spring Boot reads them only before any file.
 *
 * @param groups the groups, lowest precedence first
 */
record ConfigLocations(List<Group> groups) {

	/** Spring Boot's {@code spring.config.location} when unset: two groups, the class path's and the directory's. */
	static final String DEFAULT = "optional:classpath:/;optional:classpath:/config/,"
			+ "optional:file:./;optional:file:./config/;optional:file:./config/*/";

	private static final String LOCATION = "SPRING_CONFIG_LOCATION";

	/** Spring Boot's name for {@code spring.config.additional-location}, then the older one it also reads. */
	private static final List<String> ADDITIONAL_LOCATION = List.of("SPRING_CONFIG_ADDITIONALLOCATION",
			"SPRING_CONFIG_ADDITIONAL_LOCATION");

	ConfigLocations {
		groups = List.copyOf(groups);
	}

	/**
	 * The locations the environment sets, else the default ones, relative to {@code directory}.
	 * @throws dev.migrations.error.MigrationsException for a location that can't be read, naming it and its variable
	 */
	static ConfigLocations of(Path directory, Map<String, String> environment) {
		List<Group> groups = new ArrayList<>();
		String location = environment.get(LOCATION);
		if (location != null && !location.isBlank()) {
			groups.addAll(groups(location, directory, LOCATION));
		}
		else {
			groups.addAll(groups(DEFAULT, directory, "Spring Boot's default locations"));
		}
		for (String variable : ADDITIONAL_LOCATION) {
			String additional = environment.get(variable);
			if (additional != null && !additional.isBlank()) {
				groups.addAll(groups(additional, directory, variable));
				break;
			}
		}
		return new ConfigLocations(groups);
	}

	private static List<Group> groups(String value, Path directory, String source) {
		return Arrays.stream(value.split(","))
			.map(String::trim)
			.filter((group) -> !group.isEmpty())
			.map((group) -> new Group(Arrays.stream(group.split(";"))
				.map(String::trim)
				.filter((location) -> !location.isEmpty())
				.map((location) -> ConfigLocation.parse(location, directory, source))
				.toList(), source))
			.toList();
	}

	/**
	 * Locations considered at one level.
	 *
	 * @param locations the locations, lowest precedence first
	 * @param source where they were given, for messages
	 */
	record Group(List<ConfigLocation> locations, String source) {

		Group {
			locations = List.copyOf(locations);
		}

		/**
		 * The plain files of the group that exist, lowest precedence first: location by location.
		 * @throws dev.migrations.error.MigrationsException for a required location that is missing
		 */
		List<Path> plainFiles() {
			Set<Path> files = new LinkedHashSet<>();
			for (ConfigLocation location : this.locations) {
				location.requirePresent(this.source);
				files.addAll(location.files(null));
			}
			return List.copyOf(files);
		}

		/** The profile-specific files that exist, lowest precedence first: profile by profile, location by location. */
		List<Path> profileFiles(List<String> profiles) {
			Set<Path> files = new LinkedHashSet<>();
			for (String profile : profiles) {
				this.locations.forEach((location) -> files.addAll(location.files(profile)));
			}
			return List.copyOf(files);
		}

	}

}
