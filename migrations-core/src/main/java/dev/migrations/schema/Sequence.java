package dev.migrations.schema;

/**
 * A sequence.
 *
 * @param name its name
 * @param dataType its value type ({@code bigint}, ...) where the database has one, or {@code null} (MariaDB)
 * @param start its start value
 * @param increment its increment
 * @param minValue its minimum value
 * @param maxValue its maximum value
 * @param cycle whether it wraps around
 */
public record Sequence(String name, String dataType, long start, long increment, long minValue, long maxValue,
		boolean cycle) {

	/** It in a sentence: {@code sequence order_numbers (bigint, start 1, increment 1)}. */
	public String describe() {
		return "sequence " + this.name + " (" + ((this.dataType != null) ? this.dataType + ", " : "") + "start "
				+ this.start + ", increment " + this.increment + ", min " + this.minValue + ", max " + this.maxValue
				+ (this.cycle ? ", cycle" : "") + ")";
	}

}
