package dev.migrations.test;

import java.util.List;

/**
 * What a check that passed reported on the way.
 *
 * @param check the check's name, such as {@code stairway}
 * @param reported what it reported instead of failing, one line each, such as a revision it could not downgrade
 * because it has no downgrade section; empty when there was nothing to say
 */
public record CheckOutcome(String check, List<String> reported) {

	public CheckOutcome {
		reported = List.copyOf(reported);
	}

}
