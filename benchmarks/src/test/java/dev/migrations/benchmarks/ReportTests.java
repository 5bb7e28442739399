package dev.migrations.benchmarks;

import java.time.Duration;
import java.util.List;

import dev.migrations.benchmarks.harness.Result;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTests {

	private static final String NOOP = BenchmarkCase.NOOP.key(1000);

	@Test
	void aSpeedupJustUnderTheTargetReadsAsUnderItWithBothMedians() {
		Report report = report(List.of(noop("JDBC floor", 38_200_000L), noop("migrations", 37_400_000L),
				noop("Flyway", 149_000_000L)));
		assertThat(report.markdown()).contains(
				"| no-op N=1000 in-process ≥ 4× faster than Flyway | 3.98× faster (37.4 ms vs 149 ms) | **not met** |");
	}

	@Test
	void aRatioWithinTheTargetIsMet() {
		Report report = report(List.of(noop("JDBC floor", 20_000_000L), noop("migrations", 22_000_000L),
				noop("Flyway", 110_000_000L)));
		assertThat(report.markdown())
			.contains("| no-op N=1000 in-process ≤ 1.5× the JDBC floor | 1.10× (22.0 ms vs 20.0 ms) | met |")
			.contains("| no-op N=1000 in-process ≥ 4× faster than Flyway | 5.00× faster (22.0 ms vs 110 ms) | met |");
	}

	private static Report report(List<Result> results) {
		return new Report(Settings.fromSystemProperties(), "15", results, List.of(), Duration.ofMinutes(1));
	}

	private static Result noop(String contender, long medianNanos) {
		return new Result(NOOP, contender, Result.Unit.NANOS, List.of(medianNanos), List.of());
	}

}
