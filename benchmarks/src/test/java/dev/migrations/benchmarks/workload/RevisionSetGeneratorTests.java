package dev.migrations.benchmarks.workload;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.migrations.benchmarks.workload.RevisionSetGenerator.Shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RevisionSetGeneratorTests {

	@Test
	void equalSeedsGiveEqualRevisions() {
		assertThat(RevisionSetGenerator.generate(300, Shape.BRANCHED, 7))
			.isEqualTo(RevisionSetGenerator.generate(300, Shape.BRANCHED, 7));
	}

	@Test
	void otherSeedsGiveOtherRevisions() {
		assertThat(RevisionSetGenerator.generate(50, Shape.LINEAR, 1))
			.isNotEqualTo(RevisionSetGenerator.generate(50, Shape.LINEAR, 2));
	}

	@Test
	void linearRevisionsEachReviseThePreviousOne() {
		List<GeneratedRevision> revisions = RevisionSetGenerator.generate(40, Shape.LINEAR, 3);
		assertThat(revisions).hasSize(40);
		assertThat(revisions.get(0).revises()).isEmpty();
		for (int i = 1; i < revisions.size(); i++) {
			assertThat(revisions.get(i).revises()).containsExactly(revisions.get(i - 1).id());
			assertThat(revisions.get(i).number()).isEqualTo(i + 1);
		}
	}

	@Test
	void branchedRevisionsForkAndMergeAndEndInOneHead() {
		List<GeneratedRevision> revisions = RevisionSetGenerator.generate(1000, Shape.BRANCHED, 20261121);
		assertThat(revisions).hasSize(1000);
		assertThat(revisions.stream().filter((revision) -> revision.revises().size() == 2)).hasSizeGreaterThan(50);
		Set<String> revised = new HashSet<>();
		revisions.forEach((revision) -> revised.addAll(revision.revises()));
		assertThat(revisions.stream().map(GeneratedRevision::id).filter((id) -> !revised.contains(id)))
			.containsExactly(revisions.get(revisions.size() - 1).id());
	}

	@Test
	void everyRevisionRevisesOnlyEarlierOnesSoTheLinearOrderIsValid() {
		List<GeneratedRevision> revisions = RevisionSetGenerator.generate(500, Shape.BRANCHED, 11);
		Set<String> earlier = new HashSet<>();
		for (GeneratedRevision revision : revisions) {
			assertThat(earlier).containsAll(revision.revises());
			earlier.add(revision.id());
		}
	}

	@Test
	void statementsAreSingleLinesWithoutSemicolons() {
		for (GeneratedRevision revision : RevisionSetGenerator.generate(500, Shape.BRANCHED, 5)) {
			assertThat(revision.upgrade()).isNotEmpty();
			assertThat(revision.downgrade()).isNotEmpty();
			for (String statement : revision.upgrade()) {
				assertThat(statement).doesNotContain(";").doesNotContain("\n");
			}
		}
	}

	@Test
	void generatesTheDdlAndDmlOfRealSchemas() {
		List<String> statements = RevisionSetGenerator.generate(300, Shape.BRANCHED, 9)
			.stream()
			.flatMap((revision) -> revision.upgrade().stream())
			.toList();
		assertThat(statements).anyMatch((sql) -> sql.startsWith("CREATE TABLE") && sql.contains("REFERENCES"))
			.anyMatch((sql) -> sql.contains("ADD COLUMN"))
			.anyMatch((sql) -> sql.startsWith("CREATE INDEX"))
			.anyMatch((sql) -> sql.startsWith("INSERT INTO"))
			.anyMatch((sql) -> sql.startsWith("UPDATE"));
	}

	@Test
	void rejectsAnEmptySet() {
		assertThatIllegalArgumentException().isThrownBy(() -> RevisionSetGenerator.generate(0, Shape.LINEAR, 1))
			.withMessage("count must be at least 1, was 0");
	}

}
