package dev.migrations;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
import dev.migrations.execute.ListenedRun;
import dev.migrations.execute.LoadedScripts;
import dev.migrations.execute.MigrationRunner;
import dev.migrations.execute.RunResult;
import dev.migrations.execute.ScriptSource;
import dev.migrations.graph.Direction;
import dev.migrations.graph.GraphException;
import dev.migrations.graph.Plan;
import dev.migrations.graph.Planner;
import dev.migrations.graph.RangeErrors;
import dev.migrations.graph.RevisionQueries;
import dev.migrations.graph.Target;
import dev.migrations.lint.LintOptions;
import dev.migrations.lint.LintReport;
import dev.migrations.lint.Linter;
import dev.migrations.report.CheckReport;
import dev.migrations.report.Listings;
import dev.migrations.report.RevisionDiagram;
import dev.migrations.report.RevisionView;
import dev.migrations.report.StatusReport;
import dev.migrations.report.StatusReports;
import dev.migrations.script.Location;
import dev.migrations.script.RevisionAuthor;
import dev.migrations.script.RevisionScript;
import dev.migrations.script.ScriptLoader;
import dev.migrations.script.ScriptWriter;
import dev.migrations.sql.SqlStatement;
import dev.migrations.state.HistoryEntry;
import dev.migrations.tenant.TenantLayout;
import dev.migrations.tenant.TenantOptions;
import dev.migrations.tenant.TenantRunner;

/**
 * The engine's one entry point: Alembic's commands over a script directory and a database. The command line
 * and the Spring Boot starter are thin layers over this class. Targets are strings in every form of contract §3
 * ({@code head}, {@code heads}, {@code base}, ids, prefixes, {@code +N}, {@code rev-N}, {@code label@head}...),
 * parsed here, once, into a {@link Target}; nothing below reads target text.
 * Every failure is a {@link MigrationsException} with a hint. Scripts are loaded and their graph validated on
 * first use, once.
 */
public final class Migrations {

	private final MigrationsConfig config;

	private final Database database;

	/** The database, for tenant schemas in it; {@code null} when none is configured. */
	private final DataSource dataSource;

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
		this.dataSource = dataSource;
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

	private Listings listings() {
		LoadedScripts loaded = scripts();
		return new Listings(loaded.queries(), loaded.byId());
	}

	/**
	 * The runner for a command on the database; the first opens its connection while it loads the scripts (not
	 * while it takes them from its source, which has them ready).
	 */
	private MigrationRunner runner() {
		requireDatabase();
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

	private void requireDatabase() {
		if (this.database == null) {
			throw new MigrationsException(ErrorKind.CONFIG, "This command needs a database, and none is configured",
					"Give a database URL (--url, MIGRATIONS_URL or DATABASE_URL; spring.datasource.url under Spring)");
		}
	}

	// --- graph facts: no database -------------------------------------------------------------

	/** The heads in load order; {@code resolveDependencies} leaves out heads that something depends on. */
	public List<RevisionView> heads(boolean resolveDependencies) {
		return listings().heads(resolveDependencies);
	}

	/** The branch points, newest first. */
	public List<RevisionView> branches() {
		return listings().branches();
	}

	/**
	 * Revisions newest first.
	 * @param range {@code from:to} with either side optional; {@code null} for all. A side of {@code current}
	 * reads the database.
	 * @param indicateCurrent mark the database's current revisions (reads the database)
	 */
	public List<RevisionView> history(String range, boolean indicateCurrent) {
		Target.Range parsed = historyRange(range);
		List<String> rows = (parsed.readsCurrent() || indicateCurrent) ? runner().database().readRows() : List.of();
		if (range == null) {
			return listings().history(parsed, rows, indicateCurrent);
		}
		return RangeErrors.explain(parsed, () -> listings().history(parsed, rows, indicateCurrent));
	}

	/**
	 * The revisions of {@code history -r range} as a graph to draw. With a database configured it is read, and the
	 * diagram marks the current revisions and those still pending; without one, neither.
	 */
	public RevisionDiagram diagram(String range) {
		Target.Range parsed = historyRange(range);
		boolean readsDatabase = this.database != null || parsed.readsCurrent();
		List<String> rows = readsDatabase ? runner().database().readRows() : List.of();
		RevisionQueries queries = scripts().queries();
		List<RevisionView> views = Listings.of(queries.graph()).history(parsed, rows, readsDatabase);
		if (!readsDatabase) {
			return RevisionDiagram.of(views, queries.graph()::dependencies);
		}
		List<String> known = rows.stream().filter(queries.graph()::contains).toList();
		return RevisionDiagram.of(views, queries.graph()::dependencies, queries.isApplied(known));
	}

	/** The revisions an identifier names ({@code current} reads the database). */
	public List<RevisionView> show(String revision) {
		Target target = Target.parse(revision);
		List<String> rows = (target instanceof Target.Current) ? runner().knownRows() : List.of();
		return listings().show(target, rows);
	}

	// --- the database's position ---------------------------------------------------------------

	/** The database's current revisions, as {@code current} lists them (creates nothing). */
	public List<RevisionView> current() {
		return listings().current(runner().knownRows());
	}

	/** Upgrades to the target ({@code head} by default in the tools); a range is for offline SQL only. */
	public RunResult upgrade(String target) {
		return told("upgrade", () -> runner().upgrade(single(target)));
	}

	public RunResult downgrade(String target) {
		return told("downgrade", () -> runner().downgrade(single(target)));
	}

	/** Sets the version rows to the targets without running scripts; {@code purge} empties the table first. */
	public RunResult stamp(List<String> targets, boolean purge) {
		return told("stamp", () -> runner().stamp(targets.stream().map(Migrations::single).toList(), purge));
	}

	/** Runs a command that changes the database, telling the listener that it starts and how it ended. */
	private RunResult told(String command, Supplier<RunResult> run) {
		return ListenedRun.run(this.config.listener(), command, run);
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
		return check(Target.HEADS);
	}

	/** Whether the database is at {@code target} with matching checksums. */
	public CheckReport check(String target) {
		return check(Target.parse(target));
	}

	private CheckReport check(Target target) {
		MigrationRunner runner = runner();
		MigrationRunner.RecordedState state = runner.recordedState();
		Plan plan = planner().upgrade(state.rows(), target);
		List<String> mismatches = runner.checksumMismatches(state.rows(), state.checksums());
		return new CheckReport(state.rows(), plan.headsAfter(), plan.revisionIds(), mismatches);
	}

	/**
	 * Where the database stands against {@code target}, never failing on an unknown revision or a changed script:
	 * the heads of the scripts, every revision not applied yet (as far as the known version rows tell), and whether
	 * the database is at the target.
	 */
	public StatusReport status(String target) {
		Target parsed = Target.parse(target);
		MigrationRunner runner = runner();
		List<String> rows = runner.database().readRows();
		Map<String, HistoryEntry> applied = runner.database().readApplied();
		List<String> known = rows.stream().filter(scripts().graph()::contains).toList();
		StatusReports.Pending pending = new StatusReports.Pending(planner().upgrade(known, parsed).revisionIds(),
				planner().upgrade(known, Target.HEADS).revisionIds());
		Map<String, String> checksums = new HashMap<>();
		applied.forEach((id, entry) -> checksums.put(id, entry.checksum()));
		List<String> mismatches = runner.checksumMismatches(known, checksums);
		return new StatusReports(listings()).report(rows, applied, mismatches, pending);
	}

	/**
	 * Every step the history table recorded, oldest first: upgrades, downgrades, stamps and repairs, failed tries
	 * included, with who ran them, when and how long they took (creates nothing).
	 */
	public List<HistoryEntry> log() {
		return runner().database().readLog();
	}

	// --- tenants -------------------------------------------------------------------------------

	/**
	 * The runner for many tenants with these scripts and this configuration, each tenant with its own version and
	 * history tables: in its schema of the layout's database, or in its own database. The scripts load once, for
	 * every tenant.
	 */
	public TenantRunner tenants(TenantLayout layout, TenantOptions options) {
		return new TenantRunner(this::scripts, this.config, layout, options);
	}

	/** A schema per tenant in this engine's database. */
	public TenantLayout.SchemaPerTenant tenantSchemas() {
		requireDatabase();
		return new TenantLayout.SchemaPerTenant(this.dataSource);
	}

	/**
	 * A database per tenant, from a JDBC URL in which {@code ${tenant}} stands for the tenant's id (e.g.
	 * {@code jdbc:postgresql://db/app_${tenant}}), connected to without a pool.
	 */
	public static TenantLayout.DatabasePerTenant tenantDatabases(String urlTemplate, String user, String password) {
		if (urlTemplate == null || !urlTemplate.contains(SqlStatement.TENANT_PLACEHOLDER)) {
			throw new MigrationsException(ErrorKind.CONFIG,
					"The tenant URL template '" + urlTemplate + "' does not contain ${tenant}",
					"Put ${tenant} where the tenant's database name goes, e.g. jdbc:postgresql://db/app_${tenant}");
		}
		return new TenantLayout.DatabasePerTenant((tenant) -> new DriverManagerDataSource(
				urlTemplate.replace(SqlStatement.TENANT_PLACEHOLDER, tenant), user, password));
	}

	// --- offline SQL ----------------------------------------------------------------------------

	/**
	 * The SQL {@code upgrade target} would run, version-table statements included, without connecting: from
	 * {@code a} for a range {@code a:b}, else from base.
	 */
	public String upgradeSql(String target) {
		Target parsed = Target.parse(target);
		if (!(parsed instanceof Target.Range range)) {
			return render(planner().upgrade(List.of(), parsed));
		}
		Plan plan = RangeErrors.explain(range, () -> planner().upgrade(startingRows(range), upperEnd(range)));
		if (plan.steps().isEmpty() && hasSteps(() -> planner().downgrade(startingRows(range), upperEnd(range)))) {
			throw RangeErrors.reversed(range, Direction.UP);
		}
		return render(plan);
	}

	/** The SQL {@code downgrade from:to} would run; downgrade needs the range, as in Alembic. */
	public String downgradeSql(String target) {
		if (!(Target.parse(target) instanceof Target.Range range)) {
			throw new MigrationsException(ErrorKind.TARGET,
					"downgrade with --sql requires <fromrev>:<torev>, not '" + target + "'",
					"Give the range to render, e.g. 'downgrade head:-1 --sql' or 'downgrade 3f2a:base --sql'");
		}
		Target destination = (range.upper() != null) ? range.upper() : Target.BASE;
		try {
			return render(RangeErrors.explain(range, () -> planner().downgrade(startingRows(range), destination)));
		}
		catch (GraphException ex) {
			if (hasSteps(() -> planner().upgrade(startingRows(range), destination))) {
				throw RangeErrors.reversed(range, Direction.DOWN);
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
		List<Target> destinations = new ArrayList<>();
		for (String target : targets) {
			Target parsed = Target.parse(target);
			if (parsed instanceof Target.Range range) {
				start = startingRows(range);
				destinations.add(upperEnd(range));
			}
			else {
				destinations.add(parsed);
			}
		}
		return render(planner().stamp(start, destinations));
	}

	/** The version rows an offline range starts from: its lower end ({@code base} when left out). */
	private List<String> startingRows(Target.Range range) {
		if (range.lower() == null) {
			return List.of();
		}
		return scripts().queries().named(range.lower(), List.of());
	}

	/** The upper end of an offline range ({@code heads} when left out). */
	private static Target upperEnd(Target.Range range) {
		return (range.upper() != null) ? range.upper() : Target.HEADS;
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

	/** A target that names one position: a range is for offline SQL only. */
	private static Target single(String text) {
		Target target = Target.parse(text);
		if (target instanceof Target.Range) {
			throw new MigrationsException(ErrorKind.TARGET, "Range revision not allowed: '" + text + "'",
					"Ranges are for offline SQL: add --sql, or give a single target");
		}
		return target;
	}

	/** A {@code history} range; {@code null} for the whole history. */
	private static Target.Range historyRange(String range) {
		return (range == null) ? Target.Range.ALL : Target.parseRange(range);
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
			Target.Range parsed = Target.parseRange(range);
			views = listings().history(parsed, parsed.readsCurrent() ? runner().database().readRows() : List.of(),
					false);
		}
		else {
			Set<String> applied = (this.database != null) ? scripts().queries().applied(runner().knownRows())
					: Set.of();
			views = listings().history(Target.Range.ALL, List.of(), false)
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
		Duration engineLockTimeout = this.config.safety().statementLockTimeout();
		boolean engineSetsLockTimeout = options.engineSetsLockTimeout()
				|| (engineLockTimeout != null && !engineLockTimeout.isZero());
		return new Linter(dialect.syntax(), postgresVersion(options, dialect), engineSetsLockTimeout)
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
		RevisionAuthor.Draft draft = new RevisionAuthor.Draft(request.message(), targets(request.heads()),
				request.splice(), request.branchLabels(), targets(request.dependsOn()), request.revisionId(),
				request.upgrade(), request.downgrade());
		return written(author().revision(draft, request.directory()));
	}

	/** Writes a merge revision of the given revisions ({@code heads} for all heads) and returns its path. */
	public Path merge(List<String> revisions, String message, String revisionId, Path directory) {
		return written(author().merge(targets(revisions), message, revisionId, directory));
	}

	private RevisionAuthor author() {
		return new RevisionAuthor(scripts().queries(), this.config.locations());
	}

	/** A script was written: the scripts load again on next use. */
	private Path written(Path file) {
		this.scripts = null;
		return file;
	}

	private static List<Target> targets(List<String> texts) {
		return texts.stream().map(Target::parse).toList();
	}

	/** Creates a scripts directory with a README; fails if it exists and is not empty. */
	public static Path init(Path directory) {
		return ScriptWriter.init(directory);
	}

}
