package dev.migrations.benchmarks.harness;

/**
 * The {@link SchemaFingerprint} a contender left after applying a workload; child JVMs print it as one line.
 *
 * @param contender the contender's name
 * @param size the workload's size
 * @param value the fingerprint
 */
public record Fingerprint(String contender, int size, String value) {

	private static final String PREFIX = "FINGERPRINT\t";

	public String toLine() {
		return PREFIX + this.contender + "\t" + this.size + "\t" + this.value;
	}

	/** The fingerprint a line printed by {@link #toLine()} holds, or {@code null} for any other line. */
	public static Fingerprint parse(String line) {
		if (!line.startsWith(PREFIX)) {
			return null;
		}
		String[] fields = line.split("\t");
		return new Fingerprint(fields[1], Integer.parseInt(fields[2]), fields[3]);
	}

}
