package dev.migrations.benchmarks.harness;

import java.util.Arrays;
import java.util.List;

/**
 * The measured runs of one case for one contender; child JVMs print it as one line that the orchestrating JVM
 * reads back.
 *
 * @param caseKey the case, as {@link dev.migrations.benchmarks.BenchmarkCase} names it
 * @param contender the contender's name
 * @param unit what the values count
 * @param values one value per measured run
 * @param allocatedBytes one allocation per measured run; empty where not measured (whole processes)
 */
public record Result(String caseKey, String contender, Unit unit, List<Long> values, List<Long> allocatedBytes) {

	private static final String PREFIX = "RESULT\t";

	/** What a result's values count. */
	public enum Unit {

		NANOS, BYTES

	}

	public Result {
		values = List.copyOf(values);
		allocatedBytes = List.copyOf(allocatedBytes);
		if (values.isEmpty()) {
			throw new IllegalArgumentException("No runs for " + caseKey + " / " + contender);
		}
	}

	/** The time and allocation of in-process samples. */
	public static Result of(String caseKey, String contender, List<Harness.Sample> samples) {
		return new Result(caseKey, contender, Unit.NANOS, samples.stream().map(Harness.Sample::nanos).toList(),
				samples.stream().map(Harness.Sample::allocatedBytes).toList());
	}

	public long min() {
		return sorted()[0];
	}

	public long max() {
		long[] sorted = sorted();
		return sorted[sorted.length - 1];
	}

	/** The middle value; the mean of the two middle values for an even count. */
	public long median() {
		return median(sorted());
	}

	/** The median allocation, or -1 where allocation was not measured. */
	public long medianAllocatedBytes() {
		return this.allocatedBytes.isEmpty() ? -1
				: median(this.allocatedBytes.stream().mapToLong(Long::longValue).sorted().toArray());
	}

	private long[] sorted() {
		return this.values.stream().mapToLong(Long::longValue).sorted().toArray();
	}

	private static long median(long[] sorted) {
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	/** The line a child JVM prints for this result. */
	public String toLine() {
		return PREFIX + this.caseKey + "\t" + this.contender + "\t" + this.unit + "\t" + join(this.values) + "\t"
				+ join(this.allocatedBytes);
	}

	/** The result a line printed by {@link #toLine()} holds, or {@code null} for any other line. */
	public static Result parse(String line) {
		if (!line.startsWith(PREFIX)) {
			return null;
		}
		String[] fields = line.split("\t", -1);
		return new Result(fields[1], fields[2], Unit.valueOf(fields[3]), split(fields[4]), split(fields[5]));
	}

	private static String join(List<Long> values) {
		return String.join(",", values.stream().map(String::valueOf).toList());
	}

	private static List<Long> split(String field) {
		return field.isEmpty() ? List.of() : Arrays.stream(field.split(",")).map(Long::valueOf).toList();
	}

}
