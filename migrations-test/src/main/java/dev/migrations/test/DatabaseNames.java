package dev.migrations.test;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/** Names of test databases and schemas: a prefix, the purpose and a random suffix, valid unquoted everywhere. */
final class DatabaseNames {

	private DatabaseNames() {
	}

	static String unique(String purpose) {
		String name = ("mig_" + purpose + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong()))
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9_]", "_");
		return (name.length() > 60) ? name.substring(0, 60) : name;
	}

}
