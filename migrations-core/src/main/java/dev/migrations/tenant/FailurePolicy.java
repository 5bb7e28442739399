package dev.migrations.tenant;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;

/** What a run over many tenants does when one fails. */
public enum FailurePolicy {

	/** Starts no other tenant once one failed; those already running finish. */
	FAIL_FAST,

	/** Goes on with every other tenant; the failures are listed at the end. */
	CONTINUE;

	/** The policy's name in properties and on the command line: {@code fail-fast}, {@code continue}. */
	public String text() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** The policy named {@code fail-fast} or {@code continue}, else a one-line error naming the value. */
	public static FailurePolicy parse(String text) {
		for (FailurePolicy policy : values()) {
			if (policy.text().equalsIgnoreCase(text.strip())) {
				return policy;
			}
		}
		throw new MigrationsException(ErrorKind.CONFIG, "Unknown tenant failure policy '" + text + "'",
				"Use one of " + Arrays.stream(values()).map(FailurePolicy::text).collect(Collectors.joining(", "))
						+ " (migrations.tenants.on-failure, --tenants-on-failure)");
	}

}
