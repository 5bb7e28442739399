package dev.migrations.benchmarks.harness;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Times an action in this JVM: warm-up runs, then measured runs, each on a fresh fixture made (and afterwards
 * disposed of) outside the timing. Time is {@link System#nanoTime()}; allocation is what the calling thread
 * allocated during the run, from {@code com.sun.management.ThreadMXBean}.
 */
public final class Harness {

	private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	private Harness() {
	}

	/** Makes what one run needs (a fresh database, say), untimed. */
	@FunctionalInterface
	public interface Fixture<T> {

		T create() throws Exception;

	}

	/** Works on a fixture. */
	@FunctionalInterface
	public interface Step<T> {

		void accept(T fixture) throws Exception;

	}

	/**
	 * Runs {@code warmups + runs} times {@code fixture}, {@code action} (timed) and {@code dispose}.
	 * @return the measured runs' times (ns) and allocations (bytes)
	 */
	public static <T> Samples measure(int warmups, int runs, Fixture<T> fixture, Step<T> action, Step<T> dispose)
			throws Exception {
		List<Long> nanos = new ArrayList<>();
		List<Long> allocated = new ArrayList<>();
		long thread = Thread.currentThread().getId();
		for (int i = 0; i < warmups + runs; i++) {
			T value = fixture.create();
			System.gc();
			long allocatedBefore = THREADS.getThreadAllocatedBytes(thread);
			long start = System.nanoTime();
			action.accept(value);
			long elapsed = System.nanoTime() - start;
			long allocatedDuring = THREADS.getThreadAllocatedBytes(thread) - allocatedBefore;
			dispose.accept(value);
			if (i >= warmups) {
				nanos.add(elapsed);
				allocated.add(allocatedDuring);
			}
		}
		return new Samples(nanos, allocated);
	}

	/**
	 * What the measured runs took.
	 *
	 * @param nanos each run's time in nanoseconds
	 * @param allocatedBytes each run's allocation in bytes
	 */
	public record Samples(List<Long> nanos, List<Long> allocatedBytes) {

		public Samples {
			nanos = List.copyOf(nanos);
			allocatedBytes = List.copyOf(allocatedBytes);
		}

	}

}
