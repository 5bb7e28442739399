package dev.migrations;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.migrations.config.MigrationsConfig;
import dev.migrations.dialect.Dialect;
import dev.migrations.dialect.Dialects;
import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.execute.Database;
import dev.migrations.execute.LoadedScripts;
import dev.migrations.execute.MigrationRunner;
import dev.migrations.execute.RunResult;
import dev.migrations.execute.ScriptSource;
import dev.migrations.graph.GraphException;
import dev.migrations.graph.HistoryRange;
import dev.migrations.graph.MigrationStep;
import dev.migrations.graph.MultipleHeadsException;
import dev.migrations.graph.Plan;
import dev.migrations.graph.Planner;
import dev.migrations.graph.RangeErrors;
import dev.migrations.graph.Revision;
import dev.migrations.lint.LintOptions;
import dev.migrations.lint.LintReport;
import dev.migrations.lint.Linter;
import dev.migrations.report.CheckReport;
import dev.migrations.report.RevisionDiagram;
import dev.migrations.report.RevisionState;
import dev.migrations.report.RevisionStatus;
import dev.migrations.report.RevisionView;
import dev.migrations.report.StatusReport;
import dev.migrations.script.Location;
import dev.migrations.script.RevisionScript;
import dev.migrations.script.ScriptLoader;
import dev.migrations.script.ScriptWriter;
import dev.migrations.state.HistoryEntry;

/**
 * The engine's one entry point: Alembic's commands over a script directory and a database. The command line
 * and the Spring Boot starter are thin layers over this class. Targets are strings in every form of contract §3
 * ({@code head}, {@code heads}, {@code base}, ids, prefixes, {@code +N}, {@code rev-N}, {@code label@head}...).
 * Every failure is a {@link MigrationsException} with a hint. Scripts are loaded and their graph validated on
 * first use, once.
 */
public final class Migrations {

	private final MigrationsConfig config;

	private final Database database;

	private volatile LoadedScripts scripts;

	/** Where scripts loaded beforehand come from, asked once when the scripts are first needed; then {@code null}. */
	private volatile ScriptSource preloaded;

	/**
	 * @param config the configuration
	 * @param dataSource the database; {@code null} for graph facts and offline SQL only
	 */
	public Migrations(MigrationsConfig config, DataSource dataSource) {
		this(config, dataSource, null);
	}

	/**
	 * An engine that asks a source for scripts loaded beforehand (on another thread, say) instead of loading them on
	 * first use.
	 * @param config the configuration
	 * @param dataSource the database; {@code null} for graph facts and offline SQL only
	 * @param preloaded asked once, when the scripts are first needed, for the scripts of this configuration (see
	 * {@link ScriptSource}); {@code null} for none
	 */
	public Migrations(MigrationsConfig config, DataSource dataSource, ScriptSource preloaded) {
		this.config = config;
		this.database = (dataSource != null) ? new Database(dataSource, config) : null;
		this.preloaded = preloaded;
	}

	public MigrationsConfig config() {
		return this.config;
	}

	/** The scripts, loaded and validated once. */
	public LoadedScripts scripts() {
		return scripts(() -> {
		});
	}

	/**
	 * The scripts: those loaded already, else the source's, else loaded here, {@code beforeLoading} run first.
	 */
	private LoadedScripts scripts(Runnable beforeLoading) {
		LoadedScripts loaded = this.scripts;
		if (loaded == null) {
			synchronized (this) {
				loaded = this.scripts;
				if (loaded == null) {
					ScriptSource given = this.preloaded;
					this.preloaded = null;
					loaded = (given != null) ? given.scriptsFor(this.config) : null;
					if (loaded == null) {
						beforeLoading.run();
						loaded = LoadedScripts.of(ScriptLoader.load(Location.parseAll(this.config.locations()),
								this.config.classLoader(), this.config.javaMigrations()));
					}
					this.scripts = loaded;
				}
			}
		}
		return loaded;
	}

	private Planner planner() {
		return scripts().planner();
	}

	/**
	 * The runner for a command on the database; the first opens its connection while it loads the scripts (not
	 * while it takes them from its source, which has them ready).
	 */
	private MigrationRunner runner() {
		if (this.database == null) {
			throw new MigrationsException(ErrorKind.CONFIG, "This command needs a database, and none is configured",
					"Give a database URL (--url, MIGRATIONS_URL or DATABASE_URL; spring.datasource.url under Spring)");
		}
		LoadedScripts loaded;
		try {
			loaded = scripts(this.database::connectAhead);
		}
		catch (RuntimeException ex) {
			this.database.discardAhead();
			throw ex;
		}
		return new MigrationRunner(loaded, this.config, this.database);
	}

	// --- graph facts: no database -------------------------------------------------------------

	/** The heads in load order; {@code resolveDependencies} leaves out heads that something depends on. */
	public List<RevisionView> heads(boolean resolveDependencies) {
		return withScripts(planner().heads(resolveDependencies));
	}

	/** The branch points, newest first. */
	public List<RevisionView> branches() {
		return withScripts(planner().branches());
	}

	/**
	 * Revisions newest first.
	 * @param range {@code from:to} with either side optional; {@code null} for all. A side of {@code current}
	 * reads the database.
	 * @param indicateCurrent mark the database's current revisions (reads the database)
	 */
	public List<RevisionView> history(String range, boolean indicateCurrent) {
		HistoryRange parsed = HistoryRange.parse(range);
		List<String> rows = (parsed.readsCurrent() || indicateCurrent) ? runner().database().readRows() : List.of();
		if (range == null) {
			return withScripts(planner().history(parsed, rows, indicateCurrent));
		}
		return withScripts(RangeErrors.explain(range, () -> planner().history(parsed, rows, indicateCurrent)));
	}

	/**
	 * The revisions of {@code history -r range} as a graph to draw. With a database configured it is read, and the
	 * diagram marks the current revisions and those still pending; without one, neither.
	 */
	public RevisionDiagram diagram(String range) {
		HistoryRange parsed = HistoryRange.parse(range);
		boolean readsDatabase = this.database != null || parsed.readsCurrent();
		List<String> rows = readsDatabase ? runner().database().readRows() : List.of();
		Planner planner = planner();
		List<RevisionView> views = planner.history(parsed, rows, readsDatabase);
		if (!readsDatabase) {
			return RevisionDiagram.of(views, planner.graph()::dependencies);
		}
		List<String> known = rows.stream().filter(planner.graph()::contains).toList();
		return RevisionDiagram.of(views, planner.graph()::dependencies, planner.isApplied(known));
	}

	/** The revisions an identifier names ({@code current} reads the database). */
	public List<RevisionView> show(String revision) {
		List<String> rows = "current".equals(revision) ? runner().knownRows() : List.of();
		return withScripts(planner().show(revision, rows));
	}

	// --- the database's position ---------------------------------------------------------------

	/** The database's current revisions, as {@code current} lists them (creates nothing). */
	public List<RevisionView> current() {
		return withScripts(planner().current(runner().knownRows()));
	}

	/** Upgrades to the target ({@code head} by default in the tools); a range is for offline SQL only. */
	public RunResult upgrade(String target) {
		rejectRange(target);
		return runner().upgrade(target);
	}

	public RunResult downgrade(String target) {
		rejectRange(target);
		return runner().downgrade(target);
	}

	/** Sets the version rows to the targets without running scripts; {@code purge} empties the table first. */
	public RunResult stamp(List<String> targets, boolean purge) {
		targets.forEach(Migrations::rejectRange);
		return runner().stamp(targets, purge);
	}

	/**
	 * Records that the user fixed what failed revisions left partly applied, so that revisions run again (as
	 * Flyway's {@code repair}); a stamp records it too.
	 * @return the failures it resolved, oldest first; none when nothing was left partly applied
	 */
	public List<HistoryEntry> repair() {
		return runner().repair();
	}

	/** Whether the database is at every head with matching checksums. */
	public CheckReport check() {
		return check("heads");
	}

	/** Whether the database is at {@code target} with matching checksums. */
	public CheckReport check(String target) {
		MigrationRunner runner = runner();
		MigrationRunner.RecordedState state = runner.recordedState();
		Plan plan = planner().upgrade(state.rows(), target);
		List<String> mismatches = runner.checksumMismatches(state.rows(), state.checksums());
		return new CheckReport(state.rows(), plan.headsAfter(), revisionsOf(plan), mismatches);
	}

	/**
	 * Where the database stands against {@code target}, never failing on an unknown revision or a changed script:
	 * the heads of the scripts, every revision not applied yet (as far as the known version rows tell), and whether
	 * the database is at the target.
	 */
	public StatusReport status(String target) {
		MigrationRunner runner = runner();
		List<String> rows = runner.database().readRows();
		Map<String, HistoryEntry> applied = runner.database().readApplied();
		Planner planner = planner();
		List<String> unknown = rows.stream().filter((row) -> !planner.graph().contains(row)).toList();
		List<String> known = rows.stream().filter(planner.graph()::contains).toList();
		Plan plan = planner.upgrade(known, target);
		List<String> pending = revisionsOf(planner.upgrade(known, "heads"));
		Set<String> appliedIds = planner.applied(known);
		Map<String, String> checksums = new HashMap<>();
		applied.forEach((id, entry) -> checksums.put(id, entry.checksum()));
		List<String> mismatches = runner.checksumMismatches(known, checksums);
		List<RevisionStatus> history = new ArrayList<>();
		for (String id : unknown) {
			HistoryEntry entry = applied.get(id);
			history.add(new RevisionStatus(id, List.of(), (entry != null) ? entry.message() : "", List.of(), List.of(),
					RevisionState.UNKNOWN, (entry != null) ? entry.installedAt() : null,
					(entry != null) ? entry.executionMs() : null, true));
		}
		for (RevisionView view : planner.history(HistoryRange.ALL, List.of(), false)) {
			Revision revision = view.revision();
			HistoryEntry entry = applied.get(revision.id());
			boolean isApplied = appliedIds.contains(revision.id());
			RevisionState state = !isApplied ? RevisionState.PENDING
					: mismatches.contains(revision.id()) ? RevisionState.CHANGED : RevisionState.APPLIED;
			history.add(new RevisionStatus(revision.id(), revision.downRevisions(), revision.message(),
					view.branchLabels(), revision.dependsOn(), state,
					(isApplied && entry != null) ? entry.installedAt() : null,
					(isApplied && entry != null) ? entry.executionMs() : null, !mismatches.contains(revision.id())));
		}
		boolean upToDate = unknown.isEmpty() && revisionsOf(plan).isEmpty();
		List<String> heads = planner.heads(false).stream().map(RevisionView::id).toList();
		return new StatusReport(rows, heads, upToDate, pending, unknown, mismatches, history);
	}

	private static List<String> revisionsOf(Plan plan) {
		return plan.steps()
			.stream()
			.filter(MigrationStep.class::isInstance)
			.map((step) -> ((MigrationStep) step).revision().id())
			.toList();
	}

	// --- offline SQL ----------------------------------------------------------------------------

	/**
	 * The SQL {@code upgrade target} would run, version-table statements included, without connecting: from
	 * {@code a} for a range {@code a:b}, else from base.
	 */
	public String upgradeSql(String target) {
		String[] range = splitRange(target);
		if (range[0] == null) {
			return render(planner().upgrade(List.of(), range[1]));
		}
		Plan plan = RangeErrors.explain(target, () -> planner().upgrade(startingRows(range[0]), range[1]));
		if (plan.steps().isEmpty() && hasSteps(() -> planner().downgrade(startingRows(range[0]), range[1]))) {
			throw RangeErrors.reversed(target, "upgrade");
		}
		return render(plan);
	}

	/** The SQL {@code downgrade from:to} would run; downgrade needs the range, as in Alembic. */
	public String downgradeSql(String target) {
		String[] range = splitRange(target);
		if (range[0] == null) {
			throw new MigrationsException(ErrorKind.TARGET,
					"downgrade with --sql requires <fromrev>:<torev>, not '" + target + "'",
					"Give the range to render, e.g. 'downgrade head:-1 --sql' or 'downgrade 3f2a:base --sql'");
		}
		try {
			return render(RangeErrors.explain(target, () -> planner().downgrade(startingRows(range[0]), range[1])));
		}
		catch (GraphException ex) {
			if (hasSteps(() -> planner().upgrade(startingRows(range[0]), range[1]))) {
				throw RangeErrors.reversed(target, "downgrade");
			}
			throw ex;
		}
	}

	/** Whether a plan would run any step; a plan that fails runs none. */
	private static boolean hasSteps(Supplier<Plan> plan) {
		try {
			return !plan.get().steps().isEmpty();
		}
		catch (MigrationsException ex) {
			return false;
		}
	}

	public String stampSql(List<String> targets, boolean purge) {
		if (purge) {
			throw new MigrationsException(ErrorKind.TARGET, "Can't use --purge with --sql mode",
					"Render without --purge; the rendered SQL starts from the range's first revision");
		}
		List<String> start = List.of();
		List<String> destinations = new ArrayList<>();
		for (String target : targets) {
			String[] range = splitRange(target);
			if (range[0] != null) {
				start = startingRows(range[0]);
			}
			destinations.add(range[1]);
		}
		return render(planner().stamp(start, destinations));
	}

	private List<String> startingRows(String start) {
		if (start == null || "base".equals(start)) {
			return List.of();
		}
		return planner().show(start, List.of()).stream().map(RevisionView::id).toList();
	}

	private String render(Plan plan) {
		return MigrationRunner.render(scripts(), this.config, offlineDialect(), plan);
	}

	private Dialect offlineDialect() {
		if (this.database != null) {
			return this.database.dialect();
		}
		return Dialects.named((this.config.offlineDialect() != null) ? this.config.offlineDialect() : "postgresql");
	}

	private static String[] splitRange(String target) {
		int colon = target.indexOf(':');
		return (colon < 0) ? new String[] { null, target }
				: new String[] { target.substring(0, colon), target.substring(colon + 1) };
	}

	private static void rejectRange(String target) {
		if (target.contains(":")) {
			throw new MigrationsException(ErrorKind.TARGET, "Range revision not allowed: '" + target + "'",
					"Ranges are for offline SQL: add --sql, or give a single target");
		}
	}

	// --- lint -----------------------------------------------------------------------------------

	/**
	 * Checks revisions for statements that are unsafe on a live database (see {@code docs/lint.md}).
	 * @param range {@code from:to} as {@link #history} takes it; {@code null} for the revisions not yet applied to
	 * the configured database, or all revisions when none is configured
	 * @param options the PostgreSQL version ({@code null} for the connected server's, else the newest) and more
	 */
	public LintReport lint(String range, LintOptions options) {
		List<RevisionView> views;
		if (range != null) {
			HistoryRange parsed = HistoryRange.parse(range);
			views = planner().history(parsed, parsed.readsCurrent() ? runner().database().readRows() : List.of(),
					false);
		}
		else {
			Set<String> applied = (this.database != null) ? planner().applied(runner().knownRows()) : Set.of();
			views = planner().history(HistoryRange.ALL, List.of(), false)
				.stream()
				.filter((view) -> !applied.contains(view.id()))
				.toList();
		}
		Map<String, RevisionScript> byId = scripts().byId();
		List<RevisionScript> oldestFirst = new ArrayList<>();
		for (int i = views.size() - 1; i >= 0; i--) {
			oldestFirst.add(byId.get(views.get(i).id()));
		}
		Dialect dialect = offlineDialect();
		return new Linter(dialect.syntax(), postgresVersion(options, dialect), options.engineSetsLockTimeout())
			.lint(oldestFirst);
	}

	/** The version asked for, else the connected PostgreSQL server's, else the newest the rules know. */
	private int postgresVersion(LintOptions options, Dialect dialect) {
		if (options.postgresVersion() != null) {
			return options.postgresVersion();
		}
		if (this.database != null && "postgresql".equals(dialect.name())) {
			return this.database.read((connection) -> connection.getMetaData().getDatabaseMajorVersion());
		}
		return LintOptions.NEWEST_POSTGRESQL;
	}

	// --- authoring ------------------------------------------------------------------------------

	/** Writes a new revision script and returns its path. */
	public Path revision(NewRevision request) {
		Planner planner = planner();
		List<String> heads = request.heads().isEmpty() ? List.of("head") : request.heads();
		if (request.heads().isEmpty() && planner.heads(false).size() > 1) {
			List<String> ids = planner.heads(false).stream().map(RevisionView::id).toList();
			throw new MultipleHeadsException(
					"Multiple heads are present; please specify the head revision on which the new revision should be based, or perform a merge.",
					ids, "Pass --head with one of " + String.join(", ", ids)
							+ ", or join them with 'migrations merge heads -m \"merge heads\"'");
		}
		List<String> parents = new ArrayList<>();
		for (String head : heads) {
			List<RevisionView> named = "base".equals(head) ? List.of() : planner.show(head, List.of());
			for (RevisionView view : named) {
				if (!request.splice()) {
					requireHead(view, "please specify --splice to create a new branch from this revision",
							"Add --splice to branch from " + view.id() + ", or revise a head (see 'migrations heads')");
				}
				parents.add(view.id());
			}
		}
		if (new LinkedHashSet<>(parents).size() != parents.size()) {
			throw new MigrationsException(ErrorKind.TARGET, "Duplicate head revisions specified: " + parents,
					"Name each head once");
		}
		return write(request.revisionId(), parents, request.message(), request.branchLabels(),
				resolveDependencies(request.dependsOn()), request.directory(), request.upgrade(), request.downgrade());
	}

	/** Writes a merge revision of the given revisions ({@code heads} for all heads) and returns its path. */
	public Path merge(List<String> revisions, String message, String revisionId, Path directory) {
		List<String> parents = new ArrayList<>();
		for (String revision : revisions) {
			for (RevisionView view : planner().show(revision, List.of())) {
				requireHead(view, "only heads can be merged",
						"Merge the heads: 'migrations merge heads -m \"merge\"', or name heads from 'migrations heads'");
				parents.add(view.id());
			}
		}
		List<String> distinct = new ArrayList<>(new LinkedHashSet<>(parents));
		if (distinct.size() < 2) {
			throw new MigrationsException(ErrorKind.TARGET,
					"Nothing to merge: " + String.join(" ", revisions) + " names " + distinct.size() + " revision(s)",
					"Merge two or more heads: 'migrations merge heads -m \"merge\"' or name them");
		}
		return write(revisionId, distinct, message, List.of(), List.of(), directory, "", "");
	}

	/** Alembic's rule for the revisions a new revision or a merge revises: each is a head. */
	private static void requireHead(RevisionView view, String remedy, String hint) {
		if (!view.head() && !view.effectiveHead()) {
			throw new MigrationsException(ErrorKind.TARGET, "Revision " + view.id() + " is not a head revision; " + remedy,
					hint);
		}
	}

	private List<String> resolveDependencies(List<String> dependsOn) {
		List<String> resolved = new ArrayList<>();
		for (String dependency : dependsOn) {
			RevisionView view = planner().show(dependency, List.of()).get(0);
			resolved.add(view.branchLabels().contains(dependency) ? dependency : view.id());
		}
		return resolved;
	}

	private Path write(String revisionId, List<String> parents, String message, List<String> labels,
			List<String> dependsOn, Path directory, String upgrade, String downgrade) {
		for (String label : labels) {
			if (planner().graph().contains(label) || planner().heads(false).stream()
				.anyMatch((view) -> view.branchLabels().contains(label))) {
				throw new MigrationsException(ErrorKind.TARGET, "Branch label '" + label + "' is already used",
						"Choose another label; see 'migrations branches' and 'migrations heads'");
			}
		}
		String id = (revisionId != null) ? revisionId : ScriptWriter.newRevisionId();
		if (planner().graph().contains(id)) {
			throw new MigrationsException(ErrorKind.TARGET, "Revision id " + id + " already exists",
					"Choose another --rev-id, or leave it out for a random one");
		}
		Path file = new ScriptWriter(Clock.systemDefaultZone()).write(scriptDirectory(directory),
				new Revision(id, parents, dependsOn, labels, message, null), upgrade, downgrade);
		this.scripts = null;
		return file;
	}

	private Path scriptDirectory(Path directory) {
		if (directory != null) {
			return directory;
		}
		return Location.parseAll(this.config.locations())
			.stream()
			.filter((location) -> !location.isClasspath())
			.map(Location::directory)
			.findFirst()
			.orElseThrow(() -> new MigrationsException(ErrorKind.CONFIG,
					"No filesystem location to write the new script to (locations: " + this.config.locations() + ")",
					"Add a filesystem location (--locations filesystem:src/main/resources/db/migrations) or give a directory"));
	}

	/** Creates a scripts directory with a README; fails if it exists and is not empty. */
	public static Path init(Path directory) {
		return ScriptWriter.init(directory);
	}

	private List<RevisionView> withScripts(List<RevisionView> views) {
		Map<String, RevisionScript> byId = scripts().byId();
		return views.stream().map((view) -> {
			RevisionScript script = byId.get(view.id());
			return (script == null) ? view
					: new RevisionView(view.revision(), view.branchLabels(), view.nextRevisions(), view.head(),
							view.effectiveHead(), view.branchPoint(), view.mergePoint(), view.current(),
							script.location(), script.checksum());
		}).toList();
	}

}
