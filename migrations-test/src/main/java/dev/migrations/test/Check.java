package dev.migrations.test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.TestAbortedException;

/**
 * One check as named steps that run in order on one session (a test database, created on first use and dropped when
 * the check ends). A step that fails stops the check: later steps are aborted, naming where it stopped. A step that
 * aborts itself (an irreversible revision in the stairway) reports instead of failing, and the check goes on.
 */
final class Check {

	/** A named step. */
	record Step(String name, Executable body) {
	}

	private final String name;

	private final List<Step> steps;

	private final AutoCloseable session;

	private String stoppedAt;

	Check(String name, List<Step> steps, AutoCloseable session) {
		this.name = name;
		this.steps = List.copyOf(steps);
		this.session = session;
	}

	/** The steps as dynamic tests in a container named after the check; the session ends when the container does. */
	DynamicNode asDynamicTests() {
		Stream<DynamicTest> tests = this.steps.stream()
			.map((step) -> DynamicTest.dynamicTest(step.name(), () -> run(step)))
			.onClose(this::endSession);
		return DynamicContainer.dynamicContainer(this.name, tests);
	}

	/**
	 * Runs every step now; the first failure is thrown.
	 * @return what the check reported instead of failing, such as irreversible revisions
	 */
	CheckOutcome runAll() {
		List<String> reported = new ArrayList<>();
		try {
			for (Step step : this.steps) {
				try {
					run(step);
				}
				catch (TestAbortedException ex) {
					reported.add(ex.getMessage());
				}
			}
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new AssertionError(ex.getMessage(), ex);
		}
		finally {
			endSession();
		}
		return new CheckOutcome(this.name, reported);
	}

	private void run(Step step) throws Throwable {
		if (this.stoppedAt != null) {
			throw new TestAbortedException("Not run: the " + this.name + " check stopped at " + this.stoppedAt);
		}
		try {
			step.body().execute();
		}
		catch (TestAbortedException ex) {
			throw ex;
		}
		catch (Throwable ex) {
			this.stoppedAt = step.name();
			throw ex;
		}
	}

	private void endSession() {
		try {
			this.session.close();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not end the " + this.name + " check: " + ex.getMessage(), ex);
		}
	}

}
