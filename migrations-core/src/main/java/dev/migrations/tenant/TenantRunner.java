package dev.migrations.tenant;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
import dev.migrations.graph.Target;
import dev.migrations.lock.LockTimeoutException;

/**
 * Migrates many tenants with one set of scripts, each tenant with its own version and history tables (see
 * {@link TenantLayout}), a bounded number at once. Several processes may run over the same tenants at once and share
 * the work: a tenant whose lock another process holds is passed over, and checked again once every other tenant is
 * done, waiting for the lock then (by then the other process has usually finished it, and the check finds it at
 * head). Obtain one from {@code Migrations.tenants}.
 */
public final class TenantRunner {

	private static final Logger logger = LoggerFactory.getLogger(TenantRunner.class);

	private final Supplier<LoadedScripts> scripts;

	private final MigrationsConfig config;

	private final TenantLayout layout;

	private final TenantOptions options;

	private volatile Dialect schemaDialect;

	/**
	 * @param scripts the scripts, loaded once and shared by every tenant
	 * @param config the configuration every tenant's run starts from
	 * @param layout where the tenants' tables live
	 * @param options parallelism and failure policy of runs over many tenants
	 */
	public TenantRunner(Supplier<LoadedScripts> scripts, MigrationsConfig config, TenantLayout layout,
			TenantOptions options) {
		this.scripts = scripts;
		this.config = config;
		this.layout = layout;
		this.options = options;
	}

	public TenantOptions options() {
		return this.options;
	}

	/** Upgrades every tenant to the target, sharing the work with other processes that run over the same tenants. */
	public TenantReport upgrade(List<String> tenants, Target target) {
		List<String> ids = TenantIds.requireAll(tenants);
		Map<String, TenantResult> results = new ConcurrentHashMap<>();
		Queue<String> heldElsewhere = new ConcurrentLinkedQueue<>();
		AtomicReference<String> firstFailure = new AtomicReference<>();
		Consumer<TenantResult> record = (result) -> {
			results.put(result.tenant(), result);
			if (result.state() == TenantState.FAILED && this.options.onFailure() == FailurePolicy.FAIL_FAST) {
				firstFailure.compareAndSet(null, result.tenant());
			}
		};
		int parallelism = parallelism();
		inParallel(ids, parallelism, firstFailure, (tenant) -> {
			try {
				record.accept(attempt(tenant, target, Duration.ZERO));
			}
			catch (LockTimeoutException held) {
				logger.debug("Tenant {} is being migrated by another run; checking it again at the end", tenant);
				heldElsewhere.add(tenant);
			}
		});
		inParallel(List.copyOf(heldElsewhere), parallelism, firstFailure,
				(tenant) -> record.accept(attempt(tenant, target, this.config.lockTimeout())));
		List<TenantResult> ordered = new ArrayList<>();
		for (String id : ids) {
			ordered.add(results.computeIfAbsent(id, (tenant) -> TenantResult.notRun(tenant,
					"not run: the run stopped after tenant " + firstFailure.get() + " failed (fail-fast)")));
		}
		return new TenantReport(ordered);
	}

	/** Upgrades one tenant to the target, waiting for its lock if another run holds it (a sign-up, say). */
	public TenantResult upgrade(String tenant, Target target) {
		return attempt(TenantIds.require(tenant), target, this.config.lockTimeout());
	}

	/** Where each tenant stands against head, changing nothing. */
	public TenantReport status(List<String> tenants) {
		return new TenantReport(TenantIds.requireAll(tenants).stream().map(this::statusOf).toList());
	}

	/** Where the tenant stands against head: at head, or behind with the count of pending revisions. */
	public TenantResult status(String tenant) {
		return statusOf(TenantIds.require(tenant));
	}

	private TenantResult statusOf(String tenant) {
		try {
			MigrationsConfig tenantConfig = tenantConfig(tenant, Duration.ZERO);
			MigrationRunner runner = new MigrationRunner(this.scripts.get(), tenantConfig,
					new Database(plainDataSource(tenant), tenantConfig));
			List<String> rows = runner.knownRows();
			int pending = this.scripts.get().planner().upgrade(rows, Target.HEADS).revisionIds().size();
			return new TenantResult(tenant, (pending == 0) ? TenantState.AT_HEAD : TenantState.BEHIND, rows, 0,
					pending, null);
		}
		catch (MigrationsException ex) {
			return TenantResult.failed(tenant, List.of(), ex.getMessage());
		}
	}

	/**
	 * One tenant's run: a tenant at the target is read on a plain connection (its tables are qualified); only one with
	 * work to do gets its schema checked and made the default. Its failure becomes its result, except that another run
	 * holding its lock past {@code lockWait} is thrown on as {@link LockTimeoutException}.
	 */
	private TenantResult attempt(String tenant, Target target, Duration lockWait) {
		MigrationsConfig tenantConfig = tenantConfig(tenant, lockWait);
		try {
			RunResult result = ListenedRun.run(tenantConfig.listener(), "upgrade", () -> upgrade(tenant, target,
					tenantConfig));
			return TenantResult.upgraded(tenant, result.after(), result.steps().size());
		}
		catch (LockTimeoutException ex) {
			if (lockWait.isZero()) {
				throw ex;
			}
			return TenantResult.failed(tenant, rowsAfterFailure(tenant), ex.getMessage());
		}
		catch (RuntimeException ex) {
			logger.debug("Tenant {} failed: {}", tenant, ex.getMessage());
			return TenantResult.failed(tenant, rowsAfterFailure(tenant), oneLine(ex));
		}
	}

	private RunResult upgrade(String tenant, Target target, MigrationsConfig tenantConfig) {
		RunResult atTarget = new MigrationRunner(this.scripts.get(), tenantConfig,
				new Database(plainDataSource(tenant), tenantConfig))
			.atTarget(target);
		if (atTarget != null) {
			return atTarget;
		}
		return new MigrationRunner(this.scripts.get(), tenantConfig,
				new Database(workingDataSource(tenant), tenantConfig))
			.upgrade(target);
	}

	private static String oneLine(RuntimeException ex) {
		return (ex instanceof MigrationsException) ? ex.getMessage() : ex.toString();
	}

	/** The tenant's version rows after its failure, if they can be read: its last good revision. */
	private List<String> rowsAfterFailure(String tenant) {
		try {
			return new Database(plainDataSource(tenant), tenantConfig(tenant, Duration.ZERO)).readRows();
		}
		catch (RuntimeException ex) {
			return List.of();
		}
	}

	/** The configuration of one tenant's run: its schema (created when missing) and its id for {@code ${tenant}}. */
	private MigrationsConfig tenantConfig(String tenant, Duration lockWait) {
		MigrationsConfig.Builder builder = this.config.toBuilder()
			.tenant(tenant)
			.listener(this.config.listener().forTenant(tenant))
			.lockTimeout(lockWait);
		if (this.layout instanceof TenantLayout.SchemaPerTenant) {
			builder.schema(tenant).createSchemas(true);
		}
		return builder.build();
	}

	/** The tenant's data source, to read its tables (which the configuration qualifies). */
	private DataSource plainDataSource(String tenant) {
		if (this.layout instanceof TenantLayout.SchemaPerTenant schemas) {
			return schemas.dataSource();
		}
		return ((TenantLayout.DatabasePerTenant) this.layout).dataSources().apply(tenant);
	}

	/** The tenant's data source to run scripts on: with its schema, created first when missing, as the default. */
	private DataSource workingDataSource(String tenant) {
		if (!(this.layout instanceof TenantLayout.SchemaPerTenant schemas)) {
			return plainDataSource(tenant);
		}
		try (Connection connection = schemas.dataSource().getConnection()) {
			Dialect dialect = schemaDialect(connection);
			if (!dialect.schemaExists(connection, tenant)) {
				try (Statement statement = connection.createStatement()) {
					statement.execute(dialect.createSchema(tenant));
				}
				if (!connection.getAutoCommit()) {
					connection.commit();
				}
			}
			return new SchemaSwitchingDataSource(schemas.dataSource(), dialect, tenant);
		}
		catch (SQLException ex) {
			throw new MigrationsException(ErrorKind.STATE,
					"Could not create the schema of tenant " + tenant + ": " + ex.getMessage(),
					"Check that the migration user may create schemas, or create the tenant's schema first", ex);
		}
	}

	private Dialect schemaDialect(Connection connection) throws SQLException {
		Dialect dialect = this.schemaDialect;
		if (dialect == null) {
			dialect = Dialects.detect(connection);
			this.schemaDialect = dialect;
		}
		return dialect;
	}

	/**
	 * How many tenants run at once: as many as the options say, but one at a time for the schemas of one database
	 * whose sessions do not run DDL side by side (H2).
	 */
	private int parallelism() {
		if (this.options.parallelism() > 1 && this.layout instanceof TenantLayout.SchemaPerTenant schemas) {
			try (Connection connection = schemas.dataSource().getConnection()) {
				if (!schemaDialect(connection).runsDdlConcurrently()) {
					logger.debug("The tenants' schemas are in one {} database, whose DDL runs one session at a time:"
							+ " migrating one tenant at a time", schemaDialect(connection).name());
					return 1;
				}
			}
			catch (SQLException ex) {
				throw new MigrationsException(ErrorKind.CONNECTION, "Cannot connect to the database: " + ex.getMessage(),
						"Check the database URL and that it accepts connections", ex);
			}
		}
		return this.options.parallelism();
	}

	/**
	 * Runs the work for each tenant on at most {@code parallelism} threads, starting no tenant once {@code stop}
	 * holds a failed tenant.
	 */
	private void inParallel(List<String> tenants, int parallelism, AtomicReference<String> stop,
			Consumer<String> work) {
		if (tenants.isEmpty()) {
			return;
		}
		Queue<String> queue = new ConcurrentLinkedQueue<>(tenants);
		int threads = Math.min(parallelism, tenants.size());
		AtomicInteger number = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(threads,
				(task) -> new Thread(task, "migrations-tenant-" + number.incrementAndGet()));
		try {
			List<Future<?>> workers = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				workers.add(pool.submit(() -> {
					String tenant;
					while (stop.get() == null && (tenant = queue.poll()) != null) {
						work.accept(tenant);
					}
				}));
			}
			for (Future<?> worker : workers) {
				awaitWorker(worker);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static void awaitWorker(Future<?> worker) {
		try {
			worker.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MigrationsException(ErrorKind.STATE, "Interrupted while migrating tenants",
					"Run the command again: each tenant goes on from its last good revision", ex);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException failure) ? failure
					: new IllegalStateException(ex.getCause());
		}
	}

}
