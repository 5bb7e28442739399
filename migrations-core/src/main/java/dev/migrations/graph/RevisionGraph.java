package dev.migrations.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The immutable revision graph, built and validated once by {@link #of(List)}, with Alembic's exact semantics
 * for resolving identifiers ({@code head}, {@code heads}, {@code base}, ids, prefixes, branch labels,
 * {@code label@head}, relative steps) and for choosing and ordering the revisions an upgrade, downgrade or
 * history walk covers. {@link Planner} turns these into plans; this class knows nothing of databases.
 *
 * <p>Inside, a {@code null} node stands for Alembic's {@code None} (nothing, before every base) and
 * {@link #BASE} for the {@code "base"} a walk down past a root arrives at.
 */
public final class RevisionGraph {

	/** {@code [label@][symbol](+|-)N}, matched from the start of the target as Alembic's regular expression is. */
	private static final Pattern RELATIVE = Pattern.compile("(?:(.+?)@)?(\\w+)?((?:\\+|-)\\d+)",
			Pattern.UNICODE_CHARACTER_CLASS);

	/** What a walk down past a root arrives at. */
	static final Node BASE = new Node(new Revision("base", List.of(), List.of(), List.of(), "", "base"), -1);

	private final Map<String, Node> nodes;

	private final Map<String, Node> keys;

	private final List<String> heads;

	private final List<String> realHeads;

	private final List<String> bases;

	RevisionGraph(Map<String, Node> nodes, Map<String, Node> keys) {
		this.nodes = nodes;
		this.keys = keys;
		this.heads = nodes.values().stream().filter(Node::isHead).map(Node::id).toList();
		this.realHeads = nodes.values().stream().filter(Node::isRealHead).map(Node::id).toList();
		this.bases = nodes.values().stream().filter(Node::isBase).map(Node::id).toList();
	}

	/**
	 * Builds the graph of revisions given in load order (file-name order), validating it.
	 * @throws GraphException naming the revisions and files when the graph is invalid
	 */
	public static RevisionGraph of(List<Revision> revisionsInLoadOrder) {
		return new GraphBuilder().build(revisionsInLoadOrder);
	}

	/** Every revision in load order. */
	public List<Revision> revisions() {
		return this.nodes.values().stream().map((node) -> node.revision).toList();
	}

	public Optional<Revision> find(String id) {
		return Optional.ofNullable(this.nodes.get(id)).map((node) -> node.revision);
	}

	public boolean contains(String id) {
		return this.nodes.containsKey(id);
	}

	/** Revisions nothing revises, in load order (some may be depended on: effective heads). */
	public List<String> heads() {
		return this.heads;
	}

	/** Revisions nothing revises or depends on, in load order: what {@code heads} resolves to. */
	public List<String> realHeads() {
		return this.realHeads;
	}

	public List<String> bases() {
		return this.bases;
	}

	public boolean isEmpty() {
		return this.nodes.isEmpty();
	}

	/** What a revision depends on, resolved to revision ids (a label to the revision it labels), as declared. */
	public List<String> dependencies(String id) {
		return node(id).resolvedDependencies;
	}

	boolean isBranchPoint(String id) {
		return node(id).isBranchPoint();
	}

	Node node(String id) {
		Node node = this.nodes.get(id);
		if (node == null) {
			throw new RevisionError.Resolution("No such revision or branch '" + id + "'", id);
		}
		return node;
	}

	// ----- resolving identifiers (Alembic's RevisionMap.get_revisions and friends) -------------------------

	/** The single head, optionally within a branch; {@code null} when there is none. */
	private String currentHead(String branchLabel) {
		List<String> current = this.heads;
		if (branchLabel != null) {
			current = filterForLineage(current, branchLabel, false);
		}
		if (current.size() > 1) {
			throw new RevisionError.MultipleHeads(current, (branchLabel != null) ? branchLabel + "@head" : "head");
		}
		return current.isEmpty() ? null : current.get(0);
	}

	/** An identifier split into the ids it names and its branch label. */
	private record Resolved(List<String> ids, String branchLabel) {
	}

	private Resolved resolveRevisionNumber(String identifier) {
		String branchLabel = null;
		String id = identifier;
		if (id != null && id.contains("@")) {
			int at = id.indexOf('@');
			branchLabel = id.substring(0, at);
			id = id.substring(at + 1);
		}
		if ("heads".equals(id)) {
			return (branchLabel != null) ? new Resolved(filterForLineage(this.heads, branchLabel, false), branchLabel)
					: new Resolved(this.realHeads, null);
		}
		if ("head".equals(id)) {
			String head = currentHead(branchLabel);
			return new Resolved((head != null) ? List.of(head) : List.of(), branchLabel);
		}
		if (id == null || "base".equals(id)) {
			return new Resolved(List.of(), branchLabel);
		}
		return new Resolved(List.of(id), branchLabel);
	}

	/** Alembic's {@code get_revisions} for several identifiers: the results joined. */
	List<Node> revisions(Collection<String> identifiers) {
		List<Node> out = new ArrayList<>();
		for (String identifier : identifiers) {
			out.addAll(revisions(identifier));
		}
		return out;
	}

	/**
	 * Alembic's {@code get_revisions}: the nodes an identifier names ({@code heads} several, {@code base} none,
	 * {@code [label@]-N} a walk down from each head).
	 */
	List<Node> revisions(String identifier) {
		Resolved resolved = resolveRevisionNumber(identifier);
		if (resolved.ids.size() == 1) {
			Integer steps = parseInt(resolved.ids.get(0));
			if (steps != null && steps < 0) {
				List<Node> selectHeads = revisions("heads");
				List<Node> out = new ArrayList<>();
				for (Node head : selectHeads) {
					if (resolved.branchLabel == null || head.branchLabels.contains(resolved.branchLabel)) {
						out.add(walk(head, steps, null, true));
					}
				}
				return out;
			}
		}
		List<Node> out = new ArrayList<>();
		for (String id : resolved.ids) {
			out.add(revisionForIdent(id, resolved.branchLabel));
		}
		return out;
	}

	/** Alembic's {@code get_revision}: one node, {@code null} for base; several heads are an error. */
	Node revision(String identifier) {
		Resolved resolved = resolveRevisionNumber(identifier);
		if (resolved.ids.size() > 1) {
			throw new RevisionError.MultipleHeads(resolved.ids, identifier);
		}
		return resolved.ids.isEmpty() ? null : revisionForIdent(resolved.ids.get(0), resolved.branchLabel);
	}

	private Node resolveBranch(String branchLabel) {
		Node node = this.keys.get(branchLabel);
		if (node != null) {
			return node;
		}
		try {
			return revisionForIdent(branchLabel, null);
		}
		catch (RevisionError.Resolution ex) {
			throw new RevisionError.Resolution("No such branch: '" + branchLabel + "'", branchLabel);
		}
	}

	/** An exact id or label first, then a unique prefix of the ids and labels longer than three characters. */
	private Node revisionForIdent(String id, String checkBranch) {
		Node branch = (checkBranch != null && !checkBranch.isEmpty()) ? resolveBranch(checkBranch) : null;
		if (id == null) {
			return null;
		}
		Node node = this.keys.get(id);
		if (node == null) {
			List<String> matches = new ArrayList<>();
			for (String key : this.keys.keySet()) {
				if (key.length() > 3 && key.startsWith(id)) {
					matches.add(key);
				}
			}
			if (branch != null) {
				matches = filterForLineage(matches, checkBranch, false);
			}
			if (matches.isEmpty()) {
				throw new RevisionError.Resolution("No such revision or branch '" + id + "'" + ((id.length() < 4)
						? "; please ensure at least four characters are present for partial revision identifier matches"
						: ""), id);
			}
			if (matches.size() > 1) {
				List<String> quoted = matches.subList(0, Math.min(3, matches.size()))
					.stream()
					.map((match) -> "'" + match + "'")
					.toList();
				throw new RevisionError.Resolution(
						"Multiple revisions start with '" + id + "': " + String.join(", ", quoted) + "...", id);
			}
			node = this.keys.get(matches.get(0));
		}
		if (branch != null && !sharesLineage(node, List.of(branch), false)) {
			throw new RevisionError.Resolution(
					"Revision " + node.id() + " is not a member of branch '" + checkBranch + "'", id);
		}
		return node;
	}

	/** The targets that share a lineage (an ancestor or descendant) with what {@code checkAgainst} names. */
	List<String> filterForLineage(Collection<String> targets, String checkAgainst, boolean includeDependencies) {
		if (targets.isEmpty() || sharesOf(resolveRevisionNumber(checkAgainst)).isEmpty()) {
			return new ArrayList<>(targets);
		}
		List<Node> resolvedTargets = new ArrayList<>();
		for (String target : targets) {
			resolvedTargets.add(revisionForIdent(target, null));
		}
		List<Node> kept = filterNodesForLineage(resolvedTargets, checkAgainst, includeDependencies);
		List<String> out = new ArrayList<>();
		int i = 0;
		for (String target : targets) {
			if (kept.contains(resolvedTargets.get(i++))) {
				out.add(target);
			}
		}
		return out;
	}

	List<Node> filterNodesForLineage(Collection<Node> targets, String checkAgainst, boolean includeDependencies) {
		List<String> shares = sharesOf(resolveRevisionNumber(checkAgainst));
		List<Node> against = null;
		List<Node> out = new ArrayList<>();
		for (Node target : targets) {
			if (shares.isEmpty()) {
				out.add(target);
				continue;
			}
			if (against == null) {
				against = new ArrayList<>();
				for (String share : shares) {
					against.add(revisionForIdent(share, null));
				}
			}
			if (sharesLineage(target, against, includeDependencies)) {
				out.add(target);
			}
		}
		return out;
	}

	private static List<String> sharesOf(Resolved resolved) {
		List<String> shares = new ArrayList<>();
		if (resolved.branchLabel != null && !resolved.branchLabel.isEmpty()) {
			shares.add(resolved.branchLabel);
		}
		shares.addAll(resolved.ids);
		return shares;
	}

	private boolean sharesLineage(Node target, List<Node> against, boolean includeDependencies) {
		if (against.isEmpty()) {
			return true;
		}
		Set<Node> lineage = new HashSet<>(descendants(List.of(target), includeDependencies));
		lineage.addAll(ancestors(List.of(target), includeDependencies));
		for (Node node : against) {
			if (lineage.contains(node)) {
				return true;
			}
		}
		return false;
	}

	// ----- walking the graph ------------------------------------------------------------------------------

	List<Node> ancestors(Collection<Node> targets, boolean includeDependencies) {
		return related(targets, includeDependencies ? (n) -> n.normalizedDown : (n) -> n.down, false);
	}

	List<Node> descendants(Collection<Node> targets, boolean includeDependencies) {
		return related(targets, includeDependencies ? (n) -> n.allNext : (n) -> n.next, false);
	}

	/**
	 * Alembic's {@code _iterate_related_revisions}: a depth-first walk from each target, each node once. With
	 * {@code check}, a target reached from another target is an error ("overlaps").
	 */
	List<Node> related(Collection<Node> targets, Function<Node, List<Node>> next, boolean check) {
		List<Node> out = new ArrayList<>();
		Set<Node> seen = new HashSet<>();
		Deque<Node> todo = new ArrayDeque<>();
		for (Node target : targets) {
			requireRevision(target);
			todo.push(target);
			Set<Node> perTarget = check ? new LinkedHashSet<>() : null;
			while (!todo.isEmpty()) {
				Node node = todo.pop();
				if (check) {
					perTarget.add(node);
				}
				if (!seen.add(node)) {
					continue;
				}
				for (Node child : next.apply(node)) {
					todo.push(child);
				}
				out.add(node);
			}
			if (check) {
				List<String> overlaps = perTarget.stream()
					.filter((node) -> node != target && targets.contains(node))
					.map(Node::id)
					.toList();
				if (!overlaps.isEmpty()) {
					throw new RevisionError.Overlap(target.id(), overlaps,
							targets.stream().map(Node::id).distinct().toList(), withoutAncestorsOfOthers(targets));
				}
			}
		}
		return out;
	}

	/** The revisions that are not below another of them (through dependencies too), in the order given. */
	List<String> withoutAncestorsOfOthers(Collection<Node> revisions) {
		List<Node> parents = new ArrayList<>();
		revisions.forEach((node) -> parents.addAll(node.normalizedDown));
		Set<Node> below = new HashSet<>(ancestors(parents, true));
		return revisions.stream().filter((node) -> !below.contains(node)).map(Node::id).distinct().toList();
	}

	/** Whether each revision is one of the rows or below one, through dependencies too; indexed by load order. */
	boolean[] appliedByIndex(List<String> rows) {
		boolean[] applied = new boolean[this.nodes.size()];
		Deque<Node> todo = new ArrayDeque<>(revisions(rows));
		todo.forEach((node) -> applied[node.index] = true);
		while (!todo.isEmpty()) {
			for (Node parent : todo.pop().normalizedDown) {
				if (!applied[parent.index]) {
					applied[parent.index] = true;
					todo.push(parent);
				}
			}
		}
		return applied;
	}

	int indexOf(String id) {
		Node node = this.nodes.get(id);
		return (node != null) ? node.index : -1;
	}

	/** A node a listing asked for by name: walking off the graph is an error there. */
	static Node requireNamed(Node node, String identifier) {
		if (node == null || node == BASE) {
			throw new RevisionError.Resolution("'" + identifier + "' names no revision", identifier);
		}
		return node;
	}

	private static Node requireRevision(Node node) {
		if (node == null || node == BASE) {
			throw new RevisionError("Relative revision walked past base: nothing to apply there");
		}
		return node;
	}

	/**
	 * Alembic's {@code _walk}: {@code steps} up (positive) or down (negative) from {@code start}. Going up from
	 * {@code null} starts at the bases; going down from {@code null} at the heads. A branch point going up or a
	 * merge point going down is "Ambiguous walk".
	 * @return the node reached; {@code null} when the walk runs off the graph and {@code noOverwalk} is set
	 */
	Node walk(Node start, int steps, String branchLabel, boolean noOverwalk) {
		Node initial = start;
		for (int i = 0; i < Math.abs(steps); i++) {
			List<Node> children;
			if (steps > 0) {
				if (initial == BASE) {
					throw new RevisionError("Relative revision walked up from base");
				}
				List<Node> walkUp = (initial == null) ? revisions(this.bases) : new ArrayList<>(initial.next);
				children = (branchLabel != null && !branchLabel.isEmpty())
						? filterNodesForLineage(walkUp, branchLabel, false) : walkUp;
			}
			else if (initial == BASE) {
				children = List.of();
			}
			else {
				children = (initial == null) ? revisions(this.heads) : new ArrayList<>(initial.down);
				if (children.isEmpty()) {
					children = List.of(BASE);
				}
			}
			if (children.isEmpty()) {
				return noOverwalk ? null : initial;
			}
			if (children.size() > 1) {
				throw new RevisionError("Ambiguous walk");
			}
			initial = children.get(0);
		}
		return initial;
	}

	private static Integer parseInt(String text) {
		String digits = (text.startsWith("+") || text.startsWith("-")) ? text.substring(1) : text;
		if (digits.isEmpty() || digits.length() > 9) {
			return null;
		}
		for (int i = 0; i < digits.length(); i++) {
			if (!Character.isDigit(digits.charAt(i))) {
				return null;
			}
		}
		return Integer.parseInt(text);
	}

	private static String relativeMessage(String relative) {
		int steps = Math.abs(Integer.parseInt(relative));
		return "Relative revision " + relative + " didn't produce " + steps + " migrations";
	}

	// ----- upgrade and downgrade targets ------------------------------------------------------------------

	/** A downgrade destination and the branch it was asked on; {@code target} is {@code null} or BASE for base. */
	record DowngradeTarget(String branchLabel, Node target) {
	}

	/**
	 * Alembic's {@code _parse_downgrade_target}, except that {@code -N} with several current revisions and no
	 * branch is an error rather than a guess.
	 */
	DowngradeTarget parseDowngradeTarget(List<String> currentRevisions, String target, boolean assertRelativeLength) {
		if (target == null) {
			return new DowngradeTarget(null, null);
		}
		Matcher match = RELATIVE.matcher(target);
		if (match.lookingAt()) {
			String branchLabel = match.group(1);
			String symbol = match.group(2);
			String relative = match.group(3);
			int steps = Integer.parseInt(relative);
			if (steps >= 0) {
				if (symbol == null) {
					throw new RevisionError(relativeMessage(relative));
				}
				Node rev = walk(revision(symbol), steps, branchLabel, assertRelativeLength);
				if (rev == null) {
					throw new RevisionError("Walked too far");
				}
				return new DowngradeTarget(branchLabel, rev);
			}
			boolean relativeToCurrent = symbol == null;
			if (relativeToCurrent) {
				if (branchLabel != null) {
					List<String> onBranch = filterForLineage(currentRevisions, branchLabel, false);
					if (onBranch.isEmpty()) {
						onBranch = filterNodesForLineage(allCurrent(currentRevisions), branchLabel, false).stream()
							.map(Node::id)
							.toList();
					}
					if (onBranch.size() != 1) {
						throw new RevisionError("Branch '" + branchLabel + "' has " + onBranch.size()
								+ " current revisions (" + String.join(", ", onBranch) + "); cannot step down "
								+ relative.substring(1) + " from it");
					}
					symbol = onBranch.get(0);
				}
				else {
					if (currentRevisions.isEmpty()) {
						throw new RevisionError(relativeMessage(relative));
					}
					if (new LinkedHashSet<>(currentRevisions).size() > 1) {
						throw new AmbiguousRelativeDowngrade(currentRevisions, relative);
					}
					symbol = currentRevisions.get(0);
					branchLabel = symbol;
				}
			}
			Node start = (branchLabel == null) ? revision(symbol) : revision(branchLabel + "@" + symbol);
			Node rev = walk(start, steps, null, assertRelativeLength);
			if (rev == null) {
				throw new RevisionError(relativeToCurrent ? relativeMessage(relative) : "Walked too far");
			}
			return new DowngradeTarget(branchLabel, rev);
		}
		int at = target.lastIndexOf('@');
		String branchLabel = (at > 0) ? target.substring(0, at) : null;
		return new DowngradeTarget(branchLabel, revision(target.substring(at + 1)));
	}

	/** {@code downgrade -N} from several current revisions: Alembic guesses, we ask. */
	static final class AmbiguousRelativeDowngrade extends RevisionError {

		final List<String> current;

		AmbiguousRelativeDowngrade(List<String> current, String relative) {
			super("Ambiguous downgrade " + relative + " from multiple current revisions " + String.join(", ", current));
			this.current = List.copyOf(current);
		}

	}

	/** Alembic's {@code _parse_upgrade_target}: the nodes an upgrade goes to. */
	List<Node> parseUpgradeTarget(List<String> currentRevisions, List<String> targets, boolean assertRelativeLength) {
		if (targets.size() != 1) {
			return revisions(targets);
		}
		String target = targets.get(0);
		Matcher match = RELATIVE.matcher(target);
		if (!match.lookingAt()) {
			return revisions(target);
		}
		String branchLabel = match.group(1);
		String symbol = match.group(2);
		String relative = match.group(3);
		int steps = Integer.parseInt(relative);
		if (steps > 0) {
			if (symbol == null) {
				List<Node> startRevs = new ArrayList<>();
				if (currentRevisions.isEmpty()) {
					startRevs.add(null);
				}
				else {
					for (String current : currentRevisions) {
						startRevs.add(revisionForIdent(current, null));
					}
				}
				if (branchLabel != null) {
					List<Node> currentNodes = revisions(currentRevisions);
					startRevs = filterNodesForLineage(currentNodes, branchLabel, false);
					if (startRevs.isEmpty()) {
						List<Node> activeOnBranch = filterNodesForLineage(ancestors(currentNodes, true), branchLabel,
								false);
						Set<String> below = new HashSet<>();
						activeOnBranch.forEach((rev) -> below.addAll(rev.normalizedDownRevisions()));
						startRevs = new ArrayList<>();
						for (Node rev : activeOnBranch) {
							if (!below.contains(rev.id())) {
								startRevs.add(rev);
							}
						}
						if (startRevs.isEmpty()) {
							startRevs.add(null);
						}
					}
				}
				if (startRevs.size() > 1) {
					throw new RevisionError("Ambiguous upgrade from multiple current revisions");
				}
				Node rev = walk(startRevs.get(0), steps, branchLabel, assertRelativeLength);
				if (rev == null) {
					throw new RevisionError(relativeMessage(relative));
				}
				return List.of(rev);
			}
			Node rev = walk(revision(symbol), steps, branchLabel, assertRelativeLength);
			if (rev == null) {
				throw new RevisionError(
						"Relative revision " + target + " didn't produce " + steps + " migrations: it walks past a head");
			}
			return List.of(rev);
		}
		if (symbol == null) {
			throw new RevisionError(relativeMessage(String.valueOf(steps)));
		}
		Node start = (branchLabel == null) ? revision(symbol) : revision(branchLabel + "@" + symbol);
		Node rev = walk(start, steps, null, assertRelativeLength);
		if (rev == null) {
			throw new RevisionError(
					"Relative revision " + target + " didn't produce " + Math.abs(steps) + " migrations");
		}
		List<Node> single = new ArrayList<>();
		single.add(rev);
		return single;
	}

	// ----- which revisions a command covers, in which order -----------------------------------------------

	/** The revisions to run and the heads the topological sort starts from. */
	record Collected(Set<Node> revisions, List<Node> heads) {
	}

	/** Alembic's {@code _collect_downgrade_revisions}: what to remove to get from {@code upper} down to {@code lower}. */
	Collected collectDowngrade(List<String> upper, String lower, boolean inclusive, boolean implicitBase,
			boolean assertRelativeLength) {
		DowngradeTarget parsed = parseDowngradeTarget(upper, lower, assertRelativeLength);
		Node target = (parsed.target == BASE) ? null : parsed.target;
		List<Node> roots;
		if (target == null) {
			roots = this.nodes.values().stream().filter(Node::isBase).toList();
		}
		else if (inclusive) {
			roots = List.of(target);
		}
		else {
			roots = new ArrayList<>(target.next);
		}
		if (parsed.branchLabel != null && roots.size() > 1) {
			Set<Node> onBranch = new HashSet<>(ancestors(List.of(resolveBranch(parsed.branchLabel)), false));
			List<Node> filtered = new ArrayList<>();
			for (Node root : roots) {
				if (onBranch.contains(root)) {
					filtered.add(root);
				}
			}
			roots = filtered;
			if (roots.isEmpty()) {
				throw new RevisionError("Not a valid downgrade target from current heads");
			}
		}
		List<Node> heads = revisions(upper);
		Set<Node> downgrade = new LinkedHashSet<>(descendants(roots, true));
		Set<Node> active = new HashSet<>(ancestors(heads, true));
		downgrade.retainAll(active);
		if (implicitBase) {
			Set<Node> rootAncestors = new HashSet<>(ancestors(roots, true));
			for (Node node : active) {
				if (!rootAncestors.contains(node)) {
					downgrade.add(node);
				}
			}
		}
		if (target != null && downgrade.isEmpty() && !heads.contains(target)) {
			throw new RevisionError.RangeNotAncestor("Nothing to drop", upper.isEmpty() ? null : String.join(", ", upper));
		}
		return new Collected(downgrade, heads);
	}

	/**
	 * Alembic's {@code _collect_upgrade_revisions}: what to run to get from {@code lower} (the current revisions)
	 * up to {@code upper}.
	 */
	Collected collectUpgrade(List<String> upper, List<String> lower, String lowerText, boolean inclusive,
			boolean implicitBase, boolean assertRelativeLength) {
		List<Node> targets = parseUpgradeTarget(lower, upper, assertRelativeLength);
		for (Node target : targets) {
			requireRevision(target);
		}
		if (lowerText != null && lowerText.contains("@")) {
			String branch = lowerText.substring(0, lowerText.indexOf('@'));
			Node branchRev = revision(branch);
			if (branchRev != null && branchRev.id().equals(branch)) {
				if (branchRev.branchLabels.size() != 1) {
					throw new RevisionError("Revision " + branch + " carries " + branchRev.branchLabels.size()
							+ " branch labels; name the branch by its label");
				}
				branch = branchRev.branchLabels.iterator().next();
			}
			String label = branch;
			targets = targets.stream().filter((need) -> need.branchLabels.contains(label)).toList();
		}
		if (lowerText == null && !targets.isEmpty() && new HashSet<>(lower)
			.equals(targets.stream().map(Node::id).collect(java.util.stream.Collectors.toSet()))) {
			// Already there: the rows are the targets (which never overlap), so nothing is needed.
			return new Collected(Set.of(), targets);
		}
		Set<Node> required = new LinkedHashSet<>(related(targets, (n) -> n.normalizedDown, true));
		required.addAll(targets);

		List<Node> current = (lowerText != null) ? revisions(lowerText) : revisions(lower);
		if (!implicitBase) {
			for (Node rev : current) {
				if (rev != null && !required.contains(rev)) {
					throw new RevisionError.RangeNotAncestor((lowerText != null) ? lowerText : String.join(", ", lower),
							String.join(", ", upper));
				}
			}
		}
		String lowerForInclusive = lowerText;
		if (!current.isEmpty() && current.get(0) == null) {
			DowngradeTarget parsed = parseDowngradeTarget(upper, lowerText, assertRelativeLength);
			if (parsed.target == BASE || parsed.target == null) {
				current = List.of();
				lowerForInclusive = null;
			}
			else {
				current = List.of(parsed.target);
				lowerForInclusive = parsed.target.id();
			}
		}
		Set<Node> currentSet = new HashSet<>(related(current, (n) -> n.normalizedDown, true));
		currentSet.addAll(current);
		Set<Node> needs = new LinkedHashSet<>(required);
		needs.removeAll(currentSet);
		if (inclusive) {
			for (Node rev : (lowerForInclusive != null) ? revisions(lowerForInclusive) : revisions(lower)) {
				needs.add(requireRevision(rev));
			}
		}
		if (!current.isEmpty() && !implicitBase) {
			Set<Node> lowerDescendants = new HashSet<>(related(current, (n) -> n.next, true));
			needs.retainAll(lowerDescendants);
		}
		return new Collected(needs, targets);
	}

	/**
	 * Alembic's {@code _topological_sort}: revisions always after their down revisions and dependencies, newest
	 * first, walking one branch at a time from the heads in load order.
	 */
	List<Node> topologicalSort(Collection<Node> revisions, Collection<Node> heads) {
		Set<Node> todo = new HashSet<>(revisions);
		List<Node> currentHeads = new ArrayList<>(new LinkedHashSet<>(
				heads.stream().filter(todo::contains).sorted(Comparator.comparingInt((Node n) -> n.index)).toList()));
		List<Ancestry> ancestorsByIndex = new ArrayList<>();
		for (Node head : currentHeads) {
			ancestorsByIndex.add(new Ancestry(head));
		}
		List<Node> output = new ArrayList<>();
		int candidateIndex = 0;
		while (!currentHeads.isEmpty()) {
			Node candidate = currentHeads.get(candidateIndex);
			int dependent = -1;
			for (int i = 0; i < ancestorsByIndex.size(); i++) {
				if (i != candidateIndex && ancestorsByIndex.get(i).contains(candidate)) {
					dependent = i;
					break;
				}
			}
			if (dependent >= 0) {
				candidateIndex = dependent;
				continue;
			}
			if (todo.remove(candidate)) {
				output.add(candidate);
			}
			List<Node> headsToAdd = new ArrayList<>();
			for (Node down : candidate.normalizedDown) {
				if (todo.contains(down) && !currentHeads.contains(down)) {
					headsToAdd.add(down);
				}
			}
			if (headsToAdd.isEmpty()) {
				currentHeads.remove(candidateIndex);
				ancestorsByIndex.remove(candidateIndex);
				candidateIndex = Math.max(candidateIndex - 1, 0);
			}
			else if (candidate.normalizedDependencies.isEmpty() && candidate.downRevisions().size() == 1) {
				currentHeads.set(candidateIndex, headsToAdd.get(0));
				ancestorsByIndex.get(candidateIndex).remove(candidate);
			}
			else {
				currentHeads.set(candidateIndex, headsToAdd.get(0));
				ancestorsByIndex.set(candidateIndex, new Ancestry(headsToAdd.get(0)));
				for (Node extra : headsToAdd.subList(1, headsToAdd.size())) {
					currentHeads.add(extra);
					ancestorsByIndex.add(new Ancestry(extra));
				}
			}
		}
		if (!todo.isEmpty()) {
			throw new IllegalStateException("Topological sort left revisions behind: " + todo);
		}
		return output;
	}

	/**
	 * The ancestors of one node (itself included, through down revisions and dependencies), explored only as far
	 * as questions need: from the newest down, so that asking about a node explores just the ancestors at its
	 * depth or above. A walk down the graph asks about ever older nodes, so each ancestor is explored once.
	 */
	private final class Ancestry {

		private final PriorityQueue<Node> frontier = new PriorityQueue<>(
				Comparator.comparingInt((Node n) -> n.depth).reversed());

		private final Set<Node> found = new HashSet<>();

		Ancestry(Node root) {
			this.frontier.add(root);
			this.found.add(root);
		}

		boolean contains(Node node) {
			while (!this.frontier.isEmpty() && this.frontier.peek().depth >= node.depth) {
				for (Node parent : this.frontier.poll().normalizedDown) {
					if (this.found.add(parent)) {
						this.frontier.add(parent);
					}
				}
			}
			return this.found.contains(node);
		}

		/** Drops the root after a step down a plain line: the rest are exactly the ancestors of its parent. */
		void remove(Node node) {
			this.found.remove(node);
		}

	}

	/**
	 * Alembic's {@code get_all_current}: the branch heads of the current revisions plus their ancestors through
	 * dependencies, which is what {@code current} lists.
	 */
	List<Node> allCurrent(List<String> currentRevisions) {
		Set<Node> top = new LinkedHashSet<>(revisions(currentRevisions));
		top.addAll(ancestors(new ArrayList<>(top), true));
		List<Node> out = new ArrayList<>();
		for (Node rev : top) {
			boolean hasDescendantInSet = false;
			for (Node descendant : descendants(List.of(rev), false)) {
				if (descendant != rev && top.contains(descendant)) {
					hasDescendantInSet = true;
					break;
				}
			}
			if (!hasDescendantInSet) {
				out.add(rev);
			}
		}
		out.sort(Comparator.comparingInt((Node n) -> n.index));
		return out;
	}

}
