package dev.migrations.benchmarks.harness;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ResultTests {

	@Test
	void minMedianAndMaxOfAnOddNumberOfRuns() {
		Result result = new Result("apply-1000", "migrations", Result.Unit.NANOS, List.of(30L, 10L, 50L, 20L, 40L),
				List.of(5L, 1L, 3L, 2L, 4L));
		assertThat(result.min()).isEqualTo(10);
		assertThat(result.median()).isEqualTo(30);
		assertThat(result.max()).isEqualTo(50);
		assertThat(result.medianAllocatedBytes()).isEqualTo(3);
	}

	@Test
	void medianOfAnEvenNumberOfRunsIsTheMeanOfTheMiddleTwo() {
		Result result = new Result("rss-1000", "Flyway", Result.Unit.BYTES, List.of(40L, 10L, 20L, 30L), List.of());
		assertThat(result.median()).isEqualTo(25);
		assertThat(result.medianAllocatedBytes()).isEqualTo(-1);
	}

	@Test
	void aResultSurvivesItsLine() {
		Result result = new Result("noop-1000", "JDBC floor", Result.Unit.NANOS, List.of(1L, 2L), List.of(3L, 4L));
		assertThat(Result.parse(result.toLine())).isEqualTo(result);
	}

	@Test
	void otherLinesAreNoResults() {
		assertThat(Result.parse("Flyway prints something")).isNull();
	}

	@Test
	void aResultNeedsRuns() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Result("apply-100", "Liquibase", Result.Unit.NANOS, List.of(), List.of()))
			.withMessage("No runs for apply-100 / Liquibase");
	}

}
