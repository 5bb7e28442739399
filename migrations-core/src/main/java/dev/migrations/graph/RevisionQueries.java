package dev.migrations.graph;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the graph answers about positions, for listings and checks: the revisions of a {@code history} range, what
 * {@code current} and {@code show} name, and which revisions version rows imply applied. Errors come out as
 * {@link GraphException}s with hints.
 */
public final class RevisionQueries {

	private final RevisionGraph graph;

	private final TargetResolver resolver;

	private final RevisionCollector collector;

	public RevisionQueries(RevisionGraph graph) {
		this.graph = graph;
		this.resolver = new TargetResolver(graph);
		this.collector = new RevisionCollector(this.resolver);
	}

	public RevisionGraph graph() {
		return this.graph;
	}

	/**
	 * The revisions of {@code history -r lower:upper}, newest first, both ends included. Either end may be
	 * {@code current}, which stands for {@code rows}; a left-out end is {@code base} or {@code heads}.
	 * @param rows the database's version rows, needed only when an end is {@code current}
	 */
	public List<Revision> history(Target.Range range, List<String> rows) {
		Target lowerEnd = (range.lower() != null) ? range.lower() : Target.BASE;
		Target upperEnd = (range.upper() != null) ? range.upper() : Target.HEADS;
		RevisionErrors errors = new RevisionErrors(null, null, lowerEnd.text(), upperEnd.text(), rows);
		return errors.run(() -> {
			List<Target> upper = (upperEnd instanceof Target.Current)
					? (rows.isEmpty() ? List.of(Target.HEADS) : RevisionCollector.From.rows(rows).current())
					: List.of(upperEnd);
			boolean currentBase = lowerEnd instanceof Target.Current && !rows.isEmpty();
			RevisionCollector.From lower = currentBase ? RevisionCollector.From.rows(rows)
					: RevisionCollector.From.typed((lowerEnd instanceof Target.Current) ? Target.BASE : lowerEnd);
			return this.collector.upgrade(upper, lower, CollectMode.HISTORY)
				.newestFirst()
				.stream()
				.map((node) -> node.revision)
				.toList();
		});
	}

	/** What {@code current} lists for {@code rows}: the branch heads of the rows and what they depend on. */
	public List<String> current(List<String> rows) {
		return RevisionErrors.DEFAULT
			.run(() -> this.resolver.allCurrent(this.resolver.rows(rows)).stream().map(Node::id).toList());
	}

	/** The revisions a target names ({@code show}); {@code current} names the rows. */
	public List<String> named(Target target, List<String> rows) {
		if (target instanceof Target.Current) {
			return RevisionErrors.DEFAULT.run(() -> this.resolver.rows(rows).stream().map(Node::id).toList());
		}
		return RevisionErrors.DEFAULT.run(() -> this.resolver.revisions(target)
			.stream()
			.map((node) -> RevisionGraph.requireNamed(node, target.text()).id())
			.toList());
	}

	/** The revisions the rows imply applied: the rows and all their ancestors, through dependencies too. */
	public Set<String> applied(List<String> rows) {
		Predicate<String> isApplied = isApplied(rows);
		Set<String> applied = new LinkedHashSet<>();
		this.graph.revisions().stream().map(Revision::id).filter(isApplied).forEach(applied::add);
		return applied;
	}

	/** Whether a revision is applied when the database holds {@code rows}: one of them or below one. */
	public Predicate<String> isApplied(List<String> rows) {
		boolean[] applied = RevisionErrors.DEFAULT.run(() -> this.graph.appliedByIndex(this.resolver.rows(rows)));
		return (id) -> {
			int index = this.graph.indexOf(id);
			return index >= 0 && applied[index];
		};
	}

	/** The first row that names no revision, if any: such a database has no position the graph knows. */
	public Optional<String> unknownRow(List<String> rows) {
		return rows.stream().filter((row) -> !this.graph.contains(row)).findFirst();
	}

}
