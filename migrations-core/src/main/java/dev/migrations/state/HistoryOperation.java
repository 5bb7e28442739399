package dev.migrations.state;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.graph.Direction;

/**
 * What a history row records: a revision's upgrade or downgrade ran, version rows were stamped, or the user said
 * they fixed what a failed revision left partly applied ({@code migrations repair}).
 */
public enum HistoryOperation {

	UPGRADE("upgrade"), DOWNGRADE("downgrade"), STAMP("stamp"), REPAIR("repair");

	private final String value;

	HistoryOperation(String value) {
		this.value = value;
	}

	/** The value in the {@code operation} column. */
	public String value() {
		return this.value;
	}

	public static HistoryOperation of(Direction direction) {
		return (direction == Direction.UP) ? UPGRADE : DOWNGRADE;
	}

	static HistoryOperation ofValue(String value, String table) {
		for (HistoryOperation operation : values()) {
			if (operation.value.equals(value)) {
				return operation;
			}
		}
		throw new MigrationsException(ErrorKind.STATE, "Unknown operation '" + value + "' in " + table,
				"Rows of the history table are written by the tool only; restore the row's operation to "
						+ "upgrade, downgrade, stamp or repair");
	}

}
