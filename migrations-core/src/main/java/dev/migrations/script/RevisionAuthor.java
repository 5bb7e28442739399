package dev.migrations.script;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.graph.MultipleHeadsException;
import dev.migrations.graph.Revision;
import dev.migrations.graph.RevisionGraph;
import dev.migrations.graph.RevisionQueries;
import dev.migrations.graph.Target;

/**
 * Writes new revision scripts onto the graph as Alembic's {@code revision} and {@code merge} do: the revisions a new
 * one revises are heads (unless spliced), labels and ids are new, dependencies are stored as written when they name
 * a label.
 */
public final class RevisionAuthor {

	private final RevisionQueries queries;

	private final RevisionGraph graph;

	private final List<String> locations;

	/**
	 * @param queries what the graph answers
	 * @param locations the configured locations: a new script goes to the first filesystem one unless told otherwise
	 */
	public RevisionAuthor(RevisionQueries queries, List<String> locations) {
		this.queries = queries;
		this.graph = queries.graph();
		this.locations = locations;
	}

	/**
	 * A new revision, its targets parsed.
	 *
	 * @param message the message
	 * @param heads the revisions it revises; empty for the single current head
	 * @param splice allow revising a revision that is not a head
	 * @param branchLabels labels for the new revision
	 * @param dependsOn its dependencies
	 * @param revisionId the id; {@code null} for a random one
	 * @param upgrade the statements of the upgrade section, empty for an empty section
	 * @param downgrade the statements of the downgrade section, empty for an empty section
	 */
	public record Draft(String message, List<Target> heads, boolean splice, List<String> branchLabels,
			List<Target> dependsOn, String revisionId, String upgrade, String downgrade) {
	}

	/** Writes a new revision script into {@code directory} (the first filesystem location when {@code null}). */
	public Path revision(Draft draft, Path directory) {
		if (draft.heads().isEmpty() && this.graph.heads().size() > 1) {
			List<String> ids = this.graph.heads();
			throw new MultipleHeadsException(
					"Multiple heads are present; please specify the head revision on which the new revision should be based, or perform a merge.",
					ids, "Pass --head with one of " + String.join(", ", ids)
							+ ", or join them with 'migrations merge heads -m \"merge heads\"'");
		}
		List<String> parents = new ArrayList<>();
		for (Target head : draft.heads().isEmpty() ? List.of(Target.HEAD) : draft.heads()) {
			List<String> named = (head instanceof Target.Base) ? List.of() : this.queries.named(head, List.of());
			for (String id : named) {
				if (!draft.splice()) {
					requireHead(id, "please specify --splice to create a new branch from this revision",
							"Add --splice to branch from " + id + ", or revise a head (see 'migrations heads')");
				}
				parents.add(id);
			}
		}
		if (new LinkedHashSet<>(parents).size() != parents.size()) {
			throw new MigrationsException(ErrorKind.TARGET, "Duplicate head revisions specified: " + parents,
					"Name each head once");
		}
		List<String> dependsOn = resolveDependencies(draft.dependsOn());
		String id = newId(draft.revisionId(), draft.branchLabels());
		return write(new Revision(id, parents, dependsOn, draft.branchLabels(), draft.message(), null), directory,
				draft.upgrade(), draft.downgrade());
	}

	/**
	 * Writes a merge revision of the given revisions ({@code heads} for all heads) into {@code directory} (the first
	 * filesystem location when {@code null}); {@code revisionId} {@code null} for a random id.
	 */
	public Path merge(List<Target> revisions, String message, String revisionId, Path directory) {
		List<String> parents = new ArrayList<>();
		for (Target revision : revisions) {
			for (String id : this.queries.named(revision, List.of())) {
				requireHead(id, "only heads can be merged",
						"Merge the heads: 'migrations merge heads -m \"merge\"', or name heads from 'migrations heads'");
				parents.add(id);
			}
		}
		List<String> distinct = new ArrayList<>(new LinkedHashSet<>(parents));
		if (distinct.size() < 2) {
			throw new MigrationsException(ErrorKind.TARGET,
					"Nothing to merge: " + String.join(" ", revisions.stream().map(Target::text).toList()) + " names "
							+ distinct.size() + " revision(s)",
					"Merge two or more heads: 'migrations merge heads -m \"merge\"' or name them");
		}
		String id = newId(revisionId, List.of());
		return write(new Revision(id, distinct, List.of(), List.of(), message, null), directory, "", "");
	}

	/** Alembic's rule for the revisions a new revision or a merge revises: each is a head. */
	private void requireHead(String id, String remedy, String hint) {
		if (!this.graph.isHead(id) && !this.graph.isEffectiveHead(id)) {
			throw new MigrationsException(ErrorKind.TARGET, "Revision " + id + " is not a head revision; " + remedy,
					hint);
		}
	}

	/** A dependency on a label is stored as the label; any other as the id it names. */
	private List<String> resolveDependencies(List<Target> dependsOn) {
		List<String> resolved = new ArrayList<>();
		for (Target dependency : dependsOn) {
			String id = this.queries.named(dependency, List.of()).get(0);
			resolved.add(this.graph.branchLabels(id).contains(dependency.text()) ? dependency.text() : id);
		}
		return resolved;
	}

	/** The new revision's id ({@code null} for a random one), once it and the labels are checked to be new. */
	private String newId(String revisionId, List<String> labels) {
		for (String label : labels) {
			if (this.graph.contains(label)
					|| this.graph.heads().stream().anyMatch((head) -> this.graph.branchLabels(head).contains(label))) {
				throw new MigrationsException(ErrorKind.TARGET, "Branch label '" + label + "' is already used",
						"Choose another label; see 'migrations branches' and 'migrations heads'");
			}
		}
		String id = (revisionId != null) ? revisionId : ScriptWriter.newRevisionId();
		if (this.graph.contains(id)) {
			throw new MigrationsException(ErrorKind.TARGET, "Revision id " + id + " already exists",
					"Choose another --rev-id, or leave it out for a random one");
		}
		return id;
	}

	private Path write(Revision revision, Path directory, String upgrade, String downgrade) {
		return new ScriptWriter(Clock.systemDefaultZone()).write(scriptDirectory(directory), revision, upgrade,
				downgrade);
	}

	private Path scriptDirectory(Path directory) {
		if (directory != null) {
			return directory;
		}
		return Location.parseAll(this.locations)
			.stream()
			.filter((location) -> !location.isClasspath())
			.map(Location::directory)
			.findFirst()
			.orElseThrow(() -> new MigrationsException(ErrorKind.CONFIG,
					"No filesystem location to write the new script to (locations: " + this.locations + ")",
					"Add a filesystem location (--locations filesystem:src/main/resources/db/migrations) or give a directory"));
	}

}
