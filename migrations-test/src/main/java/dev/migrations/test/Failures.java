package dev.migrations.test;

import dev.migrations.error.MigrationsException;

/** The wording of a failed check: what ran on which revision and file, and what the engine or database said. */
final class Failures {

	private Failures() {
	}

	/**
	 * @param what the step and revision, such as {@code downgrade of 3f2a9c1b7d4e (db/migrations/2_users.sql)}
	 * @param cause what the engine threw
	 */
	static AssertionError failed(String what, Throwable cause) {
		return failed(what, "", cause);
	}

	/** @param circumstance what the step ran with, such as {@code  with the rows seeded at 1c0d8e7f6a5b} */
	static AssertionError failed(String what, String circumstance, Throwable cause) {
		return new AssertionError(what + " failed" + circumstance + ": " + describe(cause), cause);
	}

	static String describe(Throwable cause) {
		if (cause instanceof MigrationsException engine && engine.hint() != null) {
			return engine.getMessage() + System.lineSeparator() + "  Hint: " + engine.hint();
		}
		return String.valueOf(cause.getMessage());
	}

}
