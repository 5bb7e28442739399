package dev.migrations.test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link MigrationsTester#checks()}: one container per check, a dynamic test per revision. */
class DynamicChecksTests {

	@TestFactory
	Stream<DynamicNode> everyCheckOfTheBranchedSetOnPostgres() {
		return MigrationsTester.of(TestDatabases.postgres(), "classpath:sets/branches").checks();
	}

	@Test
	void eachRevisionIsATestNamedAfterIt() {
		List<DynamicNode> checks = MigrationsTester.of(TestDatabases.h2(), "classpath:sets/branches").checks().toList();
		assertThat(checks).extracting(DynamicNode::getDisplayName).containsExactly("heads", "upgrade", "stairway");
		assertThat(childNames(checks.get(0))).containsExactly("single head");
		assertThat(childNames(checks.get(1))).containsExactly("upgrade to 1a0000000001, create users",
				"upgrade to 3c0000000003, add bio", "upgrade to 2b0000000002, add tags",
				"upgrade to 4d0000000004, merge tags and bio");
		assertThat(childNames(checks.get(2))).containsExactly("1a0000000001, create users: upgrade, downgrade, upgrade",
				"3c0000000003, add bio: upgrade, downgrade, upgrade", "2b0000000002, add tags: upgrade, downgrade, upgrade",
				"4d0000000004, merge tags and bio: upgrade, downgrade, upgrade");
	}

	@Test
	void afterAFailedRevisionTheLaterOnesAreAbortedNamingWhereTheCheckStopped() {
		DynamicContainer upgrade = (DynamicContainer) MigrationsTester
			.of(TestDatabases.h2(), "classpath:sets/fails_midway")
			.checks()
			.toList()
			.get(1);
		List<Throwable> outcomes = new ArrayList<>();
		try (Stream<? extends DynamicNode> tests = upgrade.getChildren()) {
			tests.forEach((test) -> outcomes.add(outcome((DynamicTest) test)));
		}
		assertThat(outcomes.get(0)).isNull();
		assertThat(outcomes.get(1)).isInstanceOf(AssertionError.class)
			.hasMessageStartingWith("upgrade of 2b0000000002 (sets/fails_midway/2_orders.sql) failed: ");
		assertThat(outcomes.get(2)).isInstanceOf(TestAbortedException.class)
			.hasMessage("Not run: the upgrade check stopped at upgrade to 2b0000000002, add orders");
	}

	private static Throwable outcome(DynamicTest test) {
		try {
			test.getExecutable().execute();
			return null;
		}
		catch (Throwable ex) {
			return ex;
		}
	}

	private static List<String> childNames(DynamicNode check) {
		try (Stream<? extends DynamicNode> children = ((DynamicContainer) check).getChildren()) {
			return children.map(DynamicNode::getDisplayName).toList();
		}
	}

}
