package dev.migrations.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SettingsTests {

	@Test
	void benchCasesNamesGroupsOfCases() {
		assertThat(Settings.groups(" graph, start-up")).containsExactly(Settings.GRAPH, Settings.START_UP);
		assertThat(Settings.groups(String.join(",", Settings.ALL_GROUPS))).isEqualTo(Settings.ALL_GROUPS);
	}

	@Test
	void anUnknownGroupIsAnErrorThatListsTheKnownOnes() {
		assertThatIllegalArgumentException().isThrownBy(() -> Settings.groups("graph,startup"))
			.withMessage("bench.cases: unknown group 'startup'; use some of in-process,whole-process,graph,start-up,kit,autogenerate");
	}

}
