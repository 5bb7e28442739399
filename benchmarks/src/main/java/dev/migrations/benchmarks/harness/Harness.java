package dev.migrations.benchmarks.harness;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Times an action in this JVM on a fixture made (and afterwards disposed of) outside the timing. Time is
 * {@link System#nanoTime()}; allocation is what the calling thread allocated during the action, from
 * {@code com.sun.management.ThreadMXBean}.
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
	 * One run's time and allocation.
	 *
	 * @param nanos the time in nanoseconds
	 * @param allocatedBytes what the thread allocated, in bytes
	 */
	public record Sample(long nanos, long allocatedBytes) {
	}

	/** Makes the fixture, collects garbage, times the action on it and disposes of the fixture. */
	public static <T> Sample once(Fixture<T> fixture, Step<T> action, Step<T> dispose) throws Exception {
		long thread = Thread.currentThread().getId();
		T value = fixture.create();
		System.gc();
		long allocatedBefore = THREADS.getThreadAllocatedBytes(thread);
		long start = System.nanoTime();
		action.accept(value);
		long elapsed = System.nanoTime() - start;
		long allocated = THREADS.getThreadAllocatedBytes(thread) - allocatedBefore;
		dispose.accept(value);
		return new Sample(elapsed, allocated);
	}

	/** {@code warmups} unrecorded runs, then {@code runs} recorded ones. */
	public static <T> List<Sample> measure(int warmups, int runs, Fixture<T> fixture, Step<T> action,
			Step<T> dispose) throws Exception {
		List<Sample> samples = new ArrayList<>();
		for (int i = 0; i < warmups + runs; i++) {
			Sample sample = once(fixture, action, dispose);
			if (i >= warmups) {
				samples.add(sample);
			}
		}
		return samples;
	}

}
