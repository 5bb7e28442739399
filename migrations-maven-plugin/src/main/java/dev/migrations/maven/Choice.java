package dev.migrations.maven;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.maven.plugin.MojoFailureException;

/** A {@code -D} property that takes one of a few words, such as {@code -Dmigrations.format=json}. */
final class Choice {

	private Choice() {
	}

	/**
	 * The constant of {@code type} the value names (its constants are the words, in lower case).
	 * @throws MojoFailureException one line naming the property, the value (or that none was given) and the words it
	 * takes
	 */
	static <E extends Enum<E>> E of(Class<E> type, String property, String value) throws MojoFailureException {
		String words = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
		String example = " (-D" + property + "=" + type.getEnumConstants()[0].name() + ")";
		if (value == null || value.isBlank()) {
			throw new MojoFailureException("Missing -D" + property + ": use one of " + words + example);
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(value.trim().toLowerCase(Locale.ROOT))) {
				return constant;
			}
		}
		throw new MojoFailureException("Unknown -D" + property + " '" + value + "': use one of " + words + example);
	}

}
