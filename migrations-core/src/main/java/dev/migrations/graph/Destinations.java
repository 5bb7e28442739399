package dev.migrations.graph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where an upgrade or a downgrade goes: Alembic's {@code _parse_upgrade_target} and
 * {@code _parse_downgrade_target}, which resolve relative steps from the current revisions or from an anchor,
 * within a branch when one is named. The current revisions are version rows, or the other end of a range.
 */
final class Destinations {

	private final TargetResolver resolver;

	Destinations(TargetResolver resolver) {
		this.resolver = resolver;
	}

	/** A downgrade destination and the branch it was asked on; {@code target} is {@code null} or BASE for base. */
	record DowngradeTarget(String branchLabel, Node target) {
	}

	/**
	 * Alembic's {@code _parse_downgrade_target}, except that {@code -N} with several current revisions and no
	 * branch is an error rather than a guess.
	 */
	DowngradeTarget downgradeTarget(List<Target> current, Target target, StepCount count) {
		if (!(target instanceof Target.Relative relative)) {
			return new DowngradeTarget(target.branch(), this.resolver.revision(onBranch(target, null)));
		}
		int steps = relative.steps();
		if (steps >= 0) {
			if (relative.anchor() == null) {
				throw new RevisionError(relativeMessage(relative));
			}
			Node rev = this.resolver.walk(this.resolver.revision(relative.anchor()), steps, relative.branch(), count);
			if (rev == null) {
				throw new RevisionError("Walked too far");
			}
			return new DowngradeTarget(relative.branch(), rev);
		}
		if (relative.anchor() == null) {
			return downFromCurrent(current, relative, count);
		}
		Node rev = this.resolver.walk(this.resolver.revision(onBranch(relative.anchor(), relative.branch())), steps,
				null, count);
		if (rev == null) {
			throw new RevisionError("Walked too far");
		}
		return new DowngradeTarget(relative.branch(), rev);
	}

	/** {@code -N} or {@code label@-N}: down from the one current revision (of the branch). */
	private DowngradeTarget downFromCurrent(List<Target> current, Target.Relative relative, StepCount count) {
		String branchLabel = relative.branch();
		Target symbol;
		if (branchLabel != null) {
			List<String> onBranch = currentOnBranch(current, branchLabel);
			if (onBranch.size() != 1) {
				throw new RevisionError("Branch '" + branchLabel + "' has " + onBranch.size() + " current revisions ("
						+ String.join(", ", onBranch) + "); cannot step down " + relative.step().substring(1)
						+ " from it");
			}
			symbol = new Target.Id(null, onBranch.get(0));
		}
		else {
			List<String> texts = texts(current);
			if (texts.isEmpty()) {
				throw new RevisionError(relativeMessage(relative));
			}
			if (new LinkedHashSet<>(texts).size() > 1) {
				throw new RevisionError.AmbiguousRelativeDowngrade(texts, relative.step());
			}
			symbol = current.get(0);
			branchLabel = texts.get(0);
		}
		Node rev = this.resolver.walk(this.resolver.revision(onBranch(symbol, branchLabel)), relative.steps(), null,
				count);
		if (rev == null) {
			throw new RevisionError(relativeMessage(relative));
		}
		return new DowngradeTarget(branchLabel, rev);
	}

	/** The current revisions on a branch; if none is, the revisions on it that the current ones imply. */
	private List<String> currentOnBranch(List<Target> current, String branchLabel) {
		List<String> onBranch = this.resolver.idsOnBranch(texts(current), branchLabel);
		if (!onBranch.isEmpty()) {
			return onBranch;
		}
		List<Node> all = this.resolver.allCurrent(this.resolver.revisions(current));
		return this.resolver.onBranch(all, branchLabel).stream().map(Node::id).toList();
	}

	/** Alembic's {@code _parse_upgrade_target}: the nodes an upgrade goes to. */
	List<Node> upgradeTargets(List<Target> current, List<Target> targets, StepCount count) {
		if (targets.size() != 1 || !(targets.get(0) instanceof Target.Relative relative)) {
			return this.resolver.revisions(targets);
		}
		int steps = relative.steps();
		if (steps > 0) {
			return List.of(upFrom(current, relative, count));
		}
		if (relative.anchor() == null) {
			throw new RevisionError(relativeMessage(String.valueOf(steps)));
		}
		Node start = this.resolver.revision(onBranch(relative.anchor(), relative.branch()));
		Node rev = this.resolver.walk(start, steps, null, count);
		if (rev == null) {
			throw new RevisionError(
					"Relative revision " + relative.text() + " didn't produce " + Math.abs(steps) + " migrations");
		}
		List<Node> single = new ArrayList<>();
		single.add(rev);
		return single;
	}

	/** {@code +N}, {@code label@+N} or {@code <rev>+N}: up from the current revision or from the anchor. */
	private Node upFrom(List<Target> current, Target.Relative relative, StepCount count) {
		if (relative.anchor() != null) {
			Node rev = this.resolver.walk(this.resolver.revision(relative.anchor()), relative.steps(),
					relative.branch(), count);
			if (rev == null) {
				throw new RevisionError("Relative revision " + relative.text() + " didn't produce " + relative.steps()
						+ " migrations: it walks past a head");
			}
			return rev;
		}
		List<Node> startRevs = startsOfUpgrade(current, relative.branch());
		if (startRevs.size() > 1) {
			throw new RevisionError("Ambiguous upgrade from multiple current revisions");
		}
		Node rev = this.resolver.walk(startRevs.get(0), relative.steps(), relative.branch(), count);
		if (rev == null) {
			throw new RevisionError(relativeMessage(relative));
		}
		return rev;
	}

	/**
	 * Where {@code +N} counts from: the current revisions (nothing for an empty database); with a branch, those on
	 * it, else the newest revisions on it that the current ones imply, else nothing.
	 */
	private List<Node> startsOfUpgrade(List<Target> current, String branchLabel) {
		List<Node> startRevs = new ArrayList<>();
		if (current.isEmpty()) {
			startRevs.add(null);
		}
		else {
			startRevs.addAll(this.resolver.rows(texts(current)));
		}
		if (branchLabel == null) {
			return startRevs;
		}
		List<Node> currentNodes = this.resolver.revisions(current);
		startRevs = this.resolver.onBranch(currentNodes, branchLabel);
		if (!startRevs.isEmpty()) {
			return startRevs;
		}
		List<Node> activeOnBranch = this.resolver.onBranch(
				this.resolver.graph().ancestors(currentNodes, Edges.WITH_DEPENDENCIES), branchLabel);
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
		return startRevs;
	}

	/**
	 * The target with its branch label replaced ({@code null} for none), as Alembic's {@code label@symbol}
	 * concatenation reads it.
	 */
	private static Target onBranch(Target target, String branch) {
		if (target instanceof Target.Head) {
			return new Target.Head(branch);
		}
		if (target instanceof Target.Heads) {
			return new Target.Heads(branch);
		}
		if (target instanceof Target.Base) {
			return new Target.Base(branch);
		}
		if (target instanceof Target.Id id) {
			return new Target.Id(branch, id.id());
		}
		if (target instanceof Target.Relative relative) {
			return new Target.Relative(branch, relative.anchor(), relative.step());
		}
		return (branch != null) ? new Target.Id(branch, target.text()) : target;
	}

	private static List<String> texts(List<Target> targets) {
		return targets.stream().map(Target::text).toList();
	}

	private static String relativeMessage(Target.Relative relative) {
		return relativeMessage(relative.step());
	}

	private static String relativeMessage(String step) {
		return "Relative revision " + step + " didn't produce " + Math.abs(Integer.parseInt(step)) + " migrations";
	}

}
