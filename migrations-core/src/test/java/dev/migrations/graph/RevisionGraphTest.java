package dev.migrations.graph;

import java.util.Arrays;
import java.util.List;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.report.Listings;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The graph's semantics on small named graphs: plans, resulting rows, and the errors of invalid graphs. */
class RevisionGraphTest {

	private static Revision rev(String id, String... down) {
		return Revision.of(id, down);
	}

	private static Revision labelled(String id, String label, String... down) {
		return new Revision(id, List.of(down), List.of(), List.of(label), "", id + ".sql");
	}

	private static Revision depending(String id, List<String> dependsOn, String... down) {
		return new Revision(id, List.of(down), dependsOn, List.of(), "", id + ".sql");
	}

	private static Planner planner(Revision... revisions) {
		return new Planner(RevisionGraph.of(List.of(revisions)));
	}

	private static List<Target> targets(String... targets) {
		return Arrays.stream(targets).map(Target::parse).toList();
	}

	private static List<String> ids(Plan plan) {
		return plan.steps().stream().map((step) -> ((MigrationStep) step).revision().id()).toList();
	}

	@Nested
	class Diamond {

		private final Planner planner = planner(rev("a"), rev("b1", "a"), rev("b2", "a"), rev("c", "b1", "b2"),
				rev("d", "c"));

		@Test
		void upgradeRunsTheSecondParentBranchFirstAndStoresOneRowAfterTheMerge() {
			Plan plan = this.planner.upgrade(List.of(), Target.parse("head"));
			assertThat(ids(plan)).containsExactly("a", "b2", "b1", "c", "d");
			assertThat(plan.headsAfter()).containsExactly("d");
		}

		@Test
		void downgradingToOneParentRemovesTheMergeAndKeepsTheOtherParent() {
			Plan plan = this.planner.downgrade(List.of("d"), Target.parse("b1"));
			assertThat(ids(plan)).containsExactly("d", "c");
			assertThat(plan.headsAfter()).containsExactlyInAnyOrder("b1", "b2");
		}

		@Test
		void steppingDownFromAMergePointIsAmbiguous() {
			assertThatThrownBy(() -> this.planner.downgrade(List.of("c"), Target.parse("-1")))
				.isInstanceOf(GraphException.class)
				.hasMessageContaining("Ambiguous walk");
		}

		@Test
		void historyListsNewestFirst() {
			assertThat(Listings.of(this.planner.graph()).history(Target.Range.ALL, List.of(), false)).extracting((v) -> v.id())
				.containsExactly("d", "c", "b1", "b2", "a");
		}

	}

	@Nested
	class Stamp {

		private final Planner planner = planner(rev("base0"), labelled("a1", "alpha", "base0"), rev("a2", "a1"),
				labelled("b1", "beta", "base0"), rev("b2", "b1"));

		@Test
		void stampHeadsKeepsEveryHeadRow() {
			Plan plan = this.planner.stamp(List.of("a2", "b1"), targets("heads"));
			assertThat(plan.headsAfter()).containsExactlyInAnyOrder("a2", "b2");
		}

		@Test
		void stampOnAnotherLineageAddsARow() {
			Plan plan = this.planner.stamp(List.of("b2"), targets("a1"));
			assertThat(plan.headsAfter()).containsExactlyInAnyOrder("a1", "b2");
		}

		@Test
		void stampBaseRemovesEveryRow() {
			Plan plan = this.planner.stamp(List.of("a2", "b2"), targets("base"));
			assertThat(plan.headsAfter()).isEmpty();
			assertThat(plan.steps()).extracting(PlanStep::describe)
				.containsExactly("Running stamp_revision a2 -> ", "Running stamp_revision b2 -> ");
		}

		@Test
		void stampHeadWithTwoHeadsAsksForOne() {
			assertThatThrownBy(() -> this.planner.stamp(List.of(), targets("head")))
				.isInstanceOf(MultipleHeadsException.class)
				.hasMessageContaining("Multiple heads are present; please specify a single target revision")
				.hasMessageContaining("a2")
				.hasMessageContaining("b2");
		}

		@Test
		void stampDoesNotTakeRelativeTargets() {
			assertThatThrownBy(() -> this.planner.stamp(List.of("a2"), targets("-1")))
				.isInstanceOf(RevisionNotFoundException.class)
				.hasMessageStartingWith("Can't locate revision identified by '-1'");
		}

	}

	@Test
	void stampingEachParentOfAThreeWayMergeGivesThreeRows() {
		Planner planner = planner(rev("root"), rev("e1", "root"), rev("e2", "root"), rev("e3", "root"),
				rev("m", "e1", "e2", "e3"));
		Plan plan = planner.stamp(List.of("m"), targets("e1", "e2", "e3"));
		assertThat(plan.headsAfter()).containsExactlyInAnyOrder("e1", "e2", "e3");
	}

	@Test
	void dependencyIsNotStoredWhileARevisionDependsOnIt() {
		Planner planner = planner(rev("c1"), rev("c2", "c1"), labelled("y1", "ybranch"),
				depending("c3", List.of("y1"), "c2"));
		Plan up = planner.upgrade(List.of(), Target.parse("c3"));
		assertThat(ids(up)).containsExactly("y1", "c1", "c2", "c3");
		assertThat(up.headsAfter()).containsExactly("c3");
		Plan down = planner.downgrade(List.of("c3"), Target.parse("c2"));
		assertThat(down.headsAfter()).containsExactlyInAnyOrder("c2", "y1");
	}

	@Test
	void aLabelOnAMiddleRevisionLabelsTheWholeChain() {
		Planner planner = planner(rev("r1"), labelled("r2", "chain", "r1"), rev("r3", "r2"));
		assertThat(Listings.of(planner.graph()).view("r1", false).branchLabels()).containsExactly("chain");
		assertThat(Listings.of(planner.graph()).view("r3", false).branchLabels()).containsExactly("chain");
	}

	@Nested
	class Targets {

		private final Planner planner = planner(rev("1111aaaa0000"), rev("2222bbbb0000", "1111aaaa0000"),
				rev("3333cccc0000", "2222bbbb0000"));

		@Test
		void headPlusOneIsACleanErrorNotACrash() {
			assertThatThrownBy(() -> this.planner.upgrade(List.of("3333cccc0000"), Target.parse("head+1")))
				.isInstanceOf(MigrationsException.class)
				.hasMessageContaining("didn't produce 1 migrations");
		}

		@Test
		void relativeDownFromARevisionWalksDown() {
			Plan plan = this.planner.downgrade(List.of("3333cccc0000"), Target.parse("3333cccc0000-2"));
			assertThat(plan.headsAfter()).containsExactly("1111aaaa0000");
		}

		@Test
		void aCommaSeparatedTargetIsJustAnUnknownId() {
			assertThatThrownBy(() -> this.planner.upgrade(List.of(), Target.parse("1111aaaa0000,2222bbbb0000")))
				.isInstanceOf(RevisionNotFoundException.class)
				.hasMessageContaining("'1111aaaa0000,2222bbbb0000'");
		}

		@Test
		void downgradeToARevisionAboveTheCurrentOneIsNotAValidTarget() {
			assertThatThrownBy(() -> this.planner.downgrade(List.of("1111aaaa0000"), Target.parse("3333cccc0000")))
				.isInstanceOf(GraphException.class)
				.hasMessageContaining("Destination 3333cccc0000 is not a valid downgrade target from current head(s)");
		}

		@Test
		void downgradingFromAnEmptyDatabaseHasNothingToDrop() {
			assertThatThrownBy(() -> this.planner.downgrade(List.of(), Target.parse("base-1")))
				.isInstanceOf(GraphException.class)
				.hasMessageContaining("Destination base-1 is not a valid downgrade target from current head(s)")
				.hasMessageContaining("Revision Nothing to drop is not an ancestor of revision base");
		}

		@Test
		void upgradingToAnAppliedRevisionIsANoOp() {
			assertThat(this.planner.upgrade(List.of("3333cccc0000"), Target.parse("1111")).isEmpty()).isTrue();
		}

	}

	@Test
	void downgradeMinusOneFromTwoHeadsAsksWhichBranch() {
		Planner planner = planner(rev("r"), rev("x1", "r"), rev("y1", "r"));
		assertThatThrownBy(() -> planner.downgrade(List.of("x1", "y1"), Target.parse("-1")))
			.isInstanceOf(GraphException.class)
			.hasMessageContaining("x1")
			.hasMessageContaining("y1")
			.satisfies((ex) -> assertThat(((MigrationsException) ex).hint()).contains("@-1"));
	}

	@Nested
	class InvalidGraphs {

		@Test
		void duplicateIdNamesBothFiles() {
			assertThatThrownBy(() -> RevisionGraph.of(List.of(new Revision("a", List.of(), List.of(), List.of(), "", "1_a.sql"),
					new Revision("a", List.of(), List.of(), List.of(), "", "2_a.sql"))))
				.isInstanceOf(GraphException.class)
				.hasMessageContaining("1_a.sql")
				.hasMessageContaining("2_a.sql")
				.extracting((ex) -> ((GraphException) ex).kind())
				.isEqualTo(ErrorKind.GRAPH);
		}

		@Test
		void danglingRevisesNamesTheMissingIdAndTheFile() {
			assertThatThrownBy(() -> RevisionGraph.of(List.of(rev("a"), rev("b", "zzzz"))))
				.isInstanceOf(GraphException.class)
				.hasMessageContaining("zzzz")
				.hasMessageContaining("b");
		}

		@Test
		void danglingDependsOnIsAnError() {
			assertThatThrownBy(() -> RevisionGraph.of(List.of(rev("a"), depending("b", List.of("nope"), "a"))))
				.isInstanceOf(GraphException.class)
				.hasMessageContaining("'nope'");
		}

		@Test
		void cycleNamesItsRevisions() {
			assertThatThrownBy(() -> RevisionGraph.of(List.of(rev("a"), rev("b", "c"), rev("c", "b"))))
				.isInstanceOf(GraphException.class)
				.hasMessageStartingWith("Cycle is detected in revisions (b, c)");
		}

		@Test
		void branchLabelUsedTwiceNamesBothRevisions() {
			assertThatThrownBy(() -> RevisionGraph.of(List.of(labelled("a", "dup"), labelled("b", "dup"))))
				.isInstanceOf(GraphException.class)
				.hasMessageContaining("Branch name 'dup' in revision b")
				.hasMessageContaining("already used by revision a");
		}

		@Test
		void selfRevisionIsALoop() {
			assertThatThrownBy(() -> RevisionGraph.of(List.of(rev("a", "a")))).isInstanceOf(GraphException.class)
				.hasMessageContaining("Self-loop");
		}

	}

	@Test
	void ambiguousPrefixListsTheCandidates() {
		Planner planner = planner(rev("ab12cd"), rev("ab12ef", "ab12cd"));
		assertThatThrownBy(() -> planner.upgrade(List.of(), Target.parse("ab12")))
			.isInstanceOf(RevisionNotFoundException.class)
			.hasMessageContaining("Multiple revisions start with 'ab12': 'ab12cd', 'ab12ef'");
	}

	@Test
	void emptyGraphUpgradesToNothing() {
		assertThat(planner().upgrade(List.of(), Target.parse("head")).isEmpty()).isTrue();
	}

}
