package dev.migrations.test;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The lint check: the command's error lines fail it, warnings do not; it reads no database. */
class LintCheckTests {

	@Test
	void anErrorLevelFindingFailsWithTheCommandsLine() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> MigrationsTester.of(TestDatabases.h2(), "classpath:sets/forgets_index").checkLint())
			.withMessageStartingWith("sets/forgets_index/2_change.sql:6: error require-concurrent-index-creation: "
					+ "CREATE INDEX without CONCURRENTLY blocks writes to the table while the index builds"
					+ System.lineSeparator() + "Linted 2 revisions: 1 error, ")
			.withMessageEndingWith(" Make the statements safe (docs/lint.md), or silence a reviewed one with "
					+ "'-- lint: ignore <rule-id> <reason>' on the line before it");
	}

	@Test
	void warningsAlonePass() {
		assertThat(MigrationsTester.of(TestDatabases.h2(), "classpath:sets/branches").checkLint().reported()).isEmpty();
	}

	@Test
	void lintJoinsTheDynamicChecksWhenAskedFor() {
		MigrationsTester tester = MigrationsTester.of(TestDatabases.h2(), "classpath:sets/branches");
		assertThat(tester.checks().map(DynamicNode::getDisplayName)).doesNotContain("lint");
		assertThat(tester.withLint().checks().map(DynamicNode::getDisplayName)).containsExactly("heads", "upgrade",
				"stairway", "lint");
	}

}
