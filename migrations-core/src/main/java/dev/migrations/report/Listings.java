package dev.migrations.report;

import java.util.List;
import java.util.Map;

import dev.migrations.graph.Revision;
import dev.migrations.graph.RevisionGraph;
import dev.migrations.graph.RevisionQueries;
import dev.migrations.graph.Target;
import dev.migrations.script.RevisionScript;

/**
 * What the listing commands show ({@code heads}, {@code branches}, {@code history}, {@code current},
 * {@code show}): the revisions the graph names, each as a {@link RevisionView} with the file it came from and its
 * checksum.
 */
public final class Listings {

	private final RevisionGraph graph;

	private final RevisionQueries queries;

	private final Map<String, RevisionScript> scripts;

	/**
	 * @param queries the graph's answers
	 * @param scripts the scripts by revision id, for locations and checksums; a revision without one shows its
	 * declared source and no checksum
	 */
	public Listings(RevisionQueries queries, Map<String, RevisionScript> scripts) {
		this.graph = queries.graph();
		this.queries = queries;
		this.scripts = scripts;
	}

	/** What the graph answers, for reports built on the listings. */
	public RevisionQueries queries() {
		return this.queries;
	}

	/** Listings of a graph without scripts: locations are the revisions' declared sources. */
	public static Listings of(RevisionGraph graph) {
		return new Listings(new RevisionQueries(graph), Map.of());
	}

	/** Heads in load order; with {@code resolveDependencies}, only those nothing depends on. */
	public List<RevisionView> heads(boolean resolveDependencies) {
		return views(resolveDependencies ? this.graph.realHeads() : this.graph.heads(), List.of());
	}

	/** Branch points in history order (newest first). */
	public List<RevisionView> branches() {
		return views(this.queries.history(Target.Range.ALL, List.of())
			.stream()
			.map(Revision::id)
			.filter(this.graph::isBranchPoint)
			.toList(), List.of());
	}

	/** {@code history -r range}, newest first; with {@code indicateCurrent} the rows are marked current. */
	public List<RevisionView> history(Target.Range range, List<String> rows, boolean indicateCurrent) {
		List<String> ids = this.queries.history(range, rows).stream().map(Revision::id).toList();
		return views(ids, indicateCurrent ? rows : List.of());
	}

	/** What {@code current} lists for {@code rows}: the branch heads of the rows and what they depend on. */
	public List<RevisionView> current(List<String> rows) {
		return views(this.queries.current(rows), List.of());
	}

	/** The revisions a target names ({@code show}); {@code current} names the rows, marked current. */
	public List<RevisionView> show(Target target, List<String> rows) {
		return views(this.queries.named(target, rows), (target instanceof Target.Current) ? rows : List.of());
	}

	private List<RevisionView> views(List<String> ids, List<String> current) {
		return ids.stream().map((id) -> view(id, current.contains(id))).toList();
	}

	/** A revision as the listing commands show it. */
	public RevisionView view(String id, boolean current) {
		List<String> branchLabels = this.graph.branchLabels(id);
		Revision revision = this.graph.find(id).orElseThrow();
		RevisionScript script = this.scripts.get(id);
		return new RevisionView(revision, branchLabels, this.graph.nextRevisions(id),
				this.graph.isHead(id), this.graph.isEffectiveHead(id), this.graph.isBranchPoint(id),
				this.graph.isMergePoint(id), current, (script != null) ? script.location() : revision.source(),
				(script != null) ? script.checksum() : null);
	}

}
