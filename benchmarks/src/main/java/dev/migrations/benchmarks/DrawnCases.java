package dev.migrations.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import dev.migrations.boot.autoconfigure.MigrationsStatus;
import dev.migrations.boot.autoconfigure.MigrationsStatusProbe.Reading;
import dev.migrations.boot.autoconfigure.ui.MigrationsPage;
import dev.migrations.benchmarks.harness.Harness;
import dev.migrations.graph.Revision;
import dev.migrations.graph.RevisionGraph;
import dev.migrations.graph.RevisionQueries;
import dev.migrations.graph.Target;
import dev.migrations.report.GraphText;
import dev.migrations.report.Listings;
import dev.migrations.report.RevisionDiagram;
import dev.migrations.report.RevisionState;
import dev.migrations.report.RevisionStatus;
import dev.migrations.report.RevisionView;
import dev.migrations.report.StatusReport;
import dev.migrations.state.HistoryEntry;
import dev.migrations.state.HistoryOperation;

/**
 * The drawn graph cases, part of the graph cases: {@code history --graph} in the terminal and the operators' page
 * (its HTML, SVG and data), each from the revisions to the finished text, over {@link #SIZE} revisions in
 * {@link #BRANCHES} branches that run side by side from one base to one merge, half of each branch applied.
 */
final class DrawnCases {

	static final int SIZE = 2_000;

	static final int BRANCHES = 50;

	private final RevisionGraph graph;

	private final List<String> current = new ArrayList<>();

	private final Reading reading;

	private final List<HistoryEntry> log = new ArrayList<>();

	private DrawnCases() {
		this.graph = RevisionGraph.of(revisions());
		for (int branch = 0; branch < BRANCHES; branch++) {
			this.current.add(id(branch, length(branch) / 2));
		}
		Predicate<String> applied = new RevisionQueries(this.graph).isApplied(this.current);
		List<RevisionStatus> history = new ArrayList<>();
		List<String> pending = new ArrayList<>();
		Instant at = Instant.parse("2026-12-01T10:00:00Z");
		for (RevisionView view : Listings.of(this.graph).history(Target.Range.ALL, List.of(), false)) {
			boolean done = applied.test(view.id());
			history.add(new RevisionStatus(view.id(), view.revision().downRevisions(), view.revision().message(),
					view.branchLabels(), List.of(), done ? RevisionState.APPLIED : RevisionState.PENDING,
					done ? at : null, done ? 12L : null, true));
			if (done) {
				this.log.add(new HistoryEntry(view.id(), List.of(), List.of(view.id()), HistoryOperation.UPGRADE,
						view.revision().message(), "checksum", "deploy", at, 12L, true));
			}
			else {
				pending.add(view.id());
			}
		}
		StatusReport report = new StatusReport(this.current, this.graph.heads(), false, pending, List.of(), List.of(),
				history);
		this.reading = new Reading.Read(new MigrationsStatus(report, "heads"));
	}

	/** Measures both cases and prints their result lines. */
	static void measure(int warmups, int runs) throws Exception {
		DrawnCases cases = new DrawnCases();
		int lines = cases.text().size();
		int nodes = cases.page().html().split("<g class=\"node", -1).length - 1;
		if (lines < SIZE || nodes != SIZE) {
			throw new IllegalStateException("The drawn cases drew " + lines + " lines and " + nodes + " nodes for "
					+ SIZE + " revisions");
		}
		GraphCases.print(BenchmarkCase.GRAPH_TEXT.key(SIZE), "migrations",
				Harness.measure(warmups, runs, () -> cases, DrawnCases::text, (unused) -> {
				}));
		GraphCases.print(BenchmarkCase.GRAPH_PAGE.key(SIZE), "migrations",
				Harness.measure(warmups, runs, () -> cases, DrawnCases::page, (unused) -> {
				}));
	}

	/** {@code history --graph} with a database: the listing, the diagram and its lines at 80 columns. */
	private List<String> text() {
		List<RevisionView> views = Listings.of(this.graph).history(Target.Range.ALL, this.current, true);
		RevisionDiagram diagram = RevisionDiagram.of(views, this.graph::dependencies,
				new RevisionQueries(this.graph).isApplied(this.current));
		return GraphText.draw(diagram, GraphText.Glyphs.ASCII, 80);
	}

	/** The operators' page as its renderer makes it, once the database was read. */
	private MigrationsPage page() {
		return MigrationsPage.of(this.reading, Listings.of(this.graph).history(Target.Range.ALL, List.of(), false),
				this.graph::dependencies, this.log, null);
	}

	/** A base, {@link #BRANCHES} branches from it written in turns (so all run side by side), their merge. */
	private static List<Revision> revisions() {
		List<Revision> revisions = new ArrayList<>(List.of(Revision.of("base")));
		for (int step = 0; step < length(0); step++) {
			for (int branch = 0; branch < BRANCHES && step < length(branch); branch++) {
				String parent = (step == 0) ? "base" : id(branch, step - 1);
				revisions.add(new Revision(id(branch, step), List.of(parent), List.of(), List.of(),
						"branch " + branch + " step " + step, id(branch, step)));
			}
		}
		List<String> tips = new ArrayList<>();
		for (int branch = 0; branch < BRANCHES; branch++) {
			tips.add(id(branch, length(branch) - 1));
		}
		revisions.add(new Revision("merge", tips, List.of(), List.of(), "merge every branch", "merge"));
		Set<String> ids = new HashSet<>();
		revisions.forEach((revision) -> ids.add(revision.id()));
		if (ids.size() != SIZE) {
			throw new IllegalStateException("The drawn cases' graph has " + ids.size() + " revisions, not " + SIZE);
		}
		return revisions;
	}

	/** How many revisions the branch has: the {@link #SIZE} less the base and the merge, shared out. */
	private static int length(int branch) {
		return (SIZE - 2) / BRANCHES + ((branch < (SIZE - 2) % BRANCHES) ? 1 : 0);
	}

	private static String id(int branch, int step) {
		return String.format("b%02ds%03d", branch, step);
	}

}
